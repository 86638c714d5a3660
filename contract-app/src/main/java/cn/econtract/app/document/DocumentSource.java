package cn.econtract.app.document;

import cn.econtract.app.template.VariableSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a contract document is made from: header fields, the clauses with their
 * placeholders, the variable schema and the values. {@code versionTime} goes into the PDF's
 * metadata so the same version always gives the same bytes.
 */
public record DocumentSource(String title, String contractNo, String currency, String preamble,
                             List<SourceClause> clauses, List<VariableSpec> schema, Map<String, Object> values,
                             Instant versionTime) {

    public DocumentSource {
        clauses = List.copyOf(clauses);
        schema = schema == null ? List.of() : List.copyOf(schema);
        values = values == null ? Map.of() : values;
    }

    /** One clause: heading (may be null) and text, one paragraph per line. */
    public record SourceClause(String heading, String text) {
    }
}
