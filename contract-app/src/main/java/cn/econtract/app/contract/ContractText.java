package cn.econtract.app.contract;

import cn.econtract.app.document.Block;
import cn.econtract.app.document.ContractLayout;
import cn.econtract.app.document.DocumentSource;
import cn.econtract.app.template.VariableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns a contract version into the renderers' input, and into the plain text kept for search. */
@Component
class ContractText {

    DocumentSource source(Contract contract, ContractContent content, List<VariableSpec> schema, Instant versionTime) {
        return new DocumentSource(contract.title(), contract.contractNo(), contract.currency(), content.preamble(),
                content.clauses().stream().map(c -> new DocumentSource.SourceClause(c.heading(), c.text())).toList(),
                schema, content.variables(), versionTime);
    }

    /** The clauses' text with values filled in, one paragraph a line (no title, parties or signature block). */
    String plain(Contract contract, ContractContent content, List<VariableSpec> schema) {
        List<String> lines = new ArrayList<>();
        for (Block block : ContractLayout.layout(source(contract, content, schema, null))) {
            if (block instanceof Block.Heading h) {
                lines.add(h.number() + " " + h.text());
            } else if (block instanceof Block.Paragraph p) {
                lines.add(p.text());
            } else if (block instanceof Block.Table t) {
                lines.add(String.join(" | ", t.headers()));
                t.rows().forEach(r -> lines.add(String.join(" | ", r)));
            }
        }
        return String.join("\n", lines);
    }
}
