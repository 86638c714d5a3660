package cn.econtract.app.document;

import cn.econtract.app.template.NewTemplate;
import cn.econtract.app.template.TemplateClause;
import cn.econtract.app.template.TemplateContent;
import cn.econtract.app.template.TemplateContentCheck;
import cn.econtract.app.template.TemplateDetail;
import cn.econtract.app.template.TemplateService;
import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.stereotype.Service;

/**
 * A Word file with {@code ${name}} placeholders becomes a draft template. Types are guessed from
 * how a placeholder is used and named ({@code ${x.upper}} → money, {@code ${x.creditCode}} → party,
 * "...Date" → date); legal then labels and refines the schema before publishing.
 */
@Service
public class TemplateImport {

    private final UploadedDocuments uploads;
    private final TemplateService templates;

    public TemplateImport(UploadedDocuments uploads, TemplateService templates) {
        this.uploads = uploads;
        this.templates = templates;
    }

    public TemplateDetail importDocx(String filename, byte[] bytes, String code, String name, String category, String contractType) {
        ReadDocument document = uploads.readWord(filename, bytes);
        return templates.create(new NewTemplate(code, name != null && !name.isBlank() ? name : document.title(), category,
                contractType, content(document)));
    }

    static TemplateContent content(ReadDocument document) {
        Map<String, VariableType> found = new LinkedHashMap<>();
        List<TemplateClause> clauses = new ArrayList<>();
        scan(document.preamble(), found);
        for (ReadDocument.Section section : document.sections()) {
            scan(section.text(), found);
            clauses.add(new TemplateClause("c" + (clauses.size() + 1), section.heading(), section.text(), null, null, null));
        }
        List<VariableSpec> variables = found.entrySet().stream()
                .map(e -> new VariableSpec(e.getKey(), e.getKey(), e.getValue(), true, null, null, null, null, null, null))
                .toList();
        return new TemplateContent(null, null, null, null, null,
                document.preamble() == null || document.preamble().isBlank() ? null : document.preamble(), variables, clauses);
    }

    private static void scan(String text, Map<String, VariableType> found) {
        if (text == null) {
            return;
        }
        Matcher m = TemplateContentCheck.PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String field = m.group(2);
            VariableType type = field == null ? guess(name)
                    : "upper".equals(field) ? VariableType.MONEY
                    : VariableSpec.PARTY_FIELDS.contains(field) ? VariableType.PARTY : VariableType.TEXT;
            VariableType known = found.get(name);
            if (known == null || known == VariableType.TEXT) {
                found.put(name, type);
            }
        }
    }

    private static VariableType guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("date") || n.endsWith("day")) {
            return VariableType.DATE;
        }
        if (n.contains("amount") || n.contains("price") || n.endsWith("fee") || n.endsWith("rent")) {
            return VariableType.MONEY;
        }
        if (n.startsWith("party")) {
            return VariableType.PARTY;
        }
        return VariableType.TEXT;
    }
}
