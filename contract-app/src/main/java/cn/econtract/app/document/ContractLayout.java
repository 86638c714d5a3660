package cn.econtract.app.document;

import cn.econtract.app.template.TemplateContentCheck;
import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Lays a contract out the way a Chinese legal department expects: title, the parties with their
 * particulars, the preamble, clauses numbered 第一条…, tables for schedules, and a signature block.
 */
public final class ContractLayout {

    private ContractLayout() {
    }

    public static List<Block> layout(DocumentSource source) {
        ValueFormatter formatter = new ValueFormatter(source.currency());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(source.title()));
        List<Block.Party> parties = parties(source);
        if (!parties.isEmpty()) {
            blocks.add(new Block.Parties(parties));
        }
        if (source.preamble() != null && !source.preamble().isBlank()) {
            paragraphs(source, source.preamble(), formatter, blocks);
        }
        int n = 0;
        for (DocumentSource.SourceClause clause : source.clauses()) {
            if (clause.heading() != null && !clause.heading().isBlank()) {
                blocks.add(new Block.Heading(ChineseNumerals.article(++n), clause.heading()));
            }
            paragraphs(source, clause.text(), formatter, blocks);
        }
        if (!parties.isEmpty()) {
            blocks.add(new Block.Signatures(parties));
        }
        return blocks;
    }

    /** The text with every placeholder replaced; table placeholders become one line per row. */
    public static String plainText(DocumentSource source, String text) {
        ValueFormatter formatter = new ValueFormatter(source.currency());
        return substitute(source, text == null ? "" : text, formatter);
    }

    private static void paragraphs(DocumentSource source, String text, ValueFormatter formatter, List<Block> blocks) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Block.Table> table = table(source, line.strip(), formatter);
            if (table.isPresent()) {
                blocks.add(table.get());
            } else {
                blocks.add(new Block.Paragraph(substitute(source, line.strip(), formatter)));
            }
        }
    }

    private static Optional<Block.Table> table(DocumentSource source, String line, ValueFormatter formatter) {
        Matcher m = TemplateContentCheck.PLACEHOLDER.matcher(line);
        if (!m.matches() || m.group(2) != null) {
            return Optional.empty();
        }
        Optional<VariableSpec> spec = spec(source, m.group(1));
        if (spec.isEmpty() || spec.get().type() != VariableType.TABLE) {
            return Optional.empty();
        }
        List<VariableSpec> columns = spec.get().columns();
        List<List<String>> rows = new ArrayList<>();
        if (source.values().get(spec.get().name()) instanceof List<?> list) {
            for (Object row : list) {
                if (row instanceof Map<?, ?> cells) {
                    rows.add(columns.stream().map(c -> formatter.cell(c, cells.get(c.name()))).toList());
                }
            }
        }
        return Optional.of(new Block.Table(columns.stream().map(VariableSpec::label).toList(), rows));
    }

    private static String substitute(DocumentSource source, String line, ValueFormatter formatter) {
        Matcher m = TemplateContentCheck.PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<VariableSpec> spec = spec(source, m.group(1));
            String replacement;
            if (spec.isEmpty()) {
                replacement = m.group();
            } else if (spec.get().type() == VariableType.TABLE) {
                replacement = tableAsText(spec.get(), source.values().get(spec.get().name()), formatter);
            } else {
                replacement = formatter.format(spec.get(), source.values().get(spec.get().name()), m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String tableAsText(VariableSpec spec, Object value, ValueFormatter formatter) {
        if (!(value instanceof List<?> rows)) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> cells) {
                lines.add(String.join("，", spec.columns().stream()
                        .map(c -> c.label() + "：" + formatter.cell(c, cells.get(c.name()))).toList()));
            }
        }
        return String.join("；", lines);
    }

    private static List<Block.Party> parties(DocumentSource source) {
        List<Block.Party> parties = new ArrayList<>();
        for (VariableSpec spec : source.schema()) {
            if (spec.type() != VariableType.PARTY) {
                continue;
            }
            Map<?, ?> v = source.values().get(spec.name()) instanceof Map<?, ?> m ? m : Map.of();
            parties.add(new Block.Party(spec.label(), text(v, "name"), text(v, "creditCode"), text(v, "address"),
                    text(v, "legalRepresentative"), text(v, "contact")));
        }
        return parties;
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? "" : v.toString();
    }

    private static Optional<VariableSpec> spec(DocumentSource source, String name) {
        return source.schema().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
