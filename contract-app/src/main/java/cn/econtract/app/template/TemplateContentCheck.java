package cn.econtract.app.template;

import cn.econtract.app.kernel.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a template's content before it is stored or published: variables well-formed and unique,
 * every placeholder declared, a table placeholder alone on its line, library clauses known.
 */
public final class TemplateContentCheck {

    /** {@code ${name}} or {@code ${name.field}}; the field is a party field or {@code upper} for money. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]{0,63})(?:\\.([A-Za-z]{1,32}))?}");
    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    private TemplateContentCheck() {
    }

    public static List<FieldError> check(TemplateContent content, Predicate<String> libraryClauseExists) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < content.variables().size(); i++) {
            VariableSpec v = content.variables().get(i);
            String path = "variables[" + i + "]";
            checkVariable(v, path, errors);
            if (v.name() != null && !names.add(v.name())) {
                errors.add(new FieldError(path + ".name", "validation.template.duplicateVariable", v.name()));
            }
        }
        if (content.clauses().isEmpty()) {
            errors.add(new FieldError("clauses", "validation.template.noClauses"));
        }
        Set<String> keys = new HashSet<>();
        checkText(content, content.preamble(), "preamble", errors);
        for (int i = 0; i < content.clauses().size(); i++) {
            TemplateClause c = content.clauses().get(i);
            String path = "clauses[" + i + "]";
            if (c.key() == null || !NAME.matcher(c.key()).matches() || !keys.add(c.key())) {
                errors.add(new FieldError(path + ".key", "validation.template.clauseKey", c.key()));
            }
            if (c.libraryCode() != null && !libraryClauseExists.test(c.libraryCode())) {
                errors.add(new FieldError(path + ".libraryCode", "validation.template.unknownClause", c.libraryCode()));
            }
            if (c.libraryCode() == null && (c.text() == null || c.text().isBlank())) {
                errors.add(new FieldError(path + ".text", "validation.required"));
            }
            checkText(content, c.text(), path + ".text", errors);
        }
        for (String field : new String[] {content.counterparty(), content.amount(), content.effectiveDate(), content.expiryDate()}) {
            if (field != null && content.variable(field).isEmpty()) {
                errors.add(new FieldError("mapping", "validation.template.undeclared", field));
            }
        }
        return errors;
    }

    private static void checkVariable(VariableSpec v, String path, List<FieldError> errors) {
        if (v.name() == null || !NAME.matcher(v.name()).matches()) {
            errors.add(new FieldError(path + ".name", "validation.template.variableName", v.name()));
        }
        if (v.label() == null || v.label().isBlank()) {
            errors.add(new FieldError(path + ".label", "validation.required"));
        }
        if (v.type() == null) {
            errors.add(new FieldError(path + ".type", "validation.required"));
            return;
        }
        if (v.type() == VariableType.SELECT && (v.options() == null || v.options().isEmpty())) {
            errors.add(new FieldError(path + ".options", "validation.template.selectOptions"));
        }
        if (v.type() == VariableType.TABLE) {
            if (v.columns() == null || v.columns().isEmpty()) {
                errors.add(new FieldError(path + ".columns", "validation.template.tableColumns"));
            } else {
                for (int c = 0; c < v.columns().size(); c++) {
                    VariableSpec column = v.columns().get(c);
                    checkVariable(column, path + ".columns[" + c + "]", errors);
                    if (column.type() == VariableType.TABLE || column.type() == VariableType.PARTY) {
                        errors.add(new FieldError(path + ".columns[" + c + "].type", "validation.template.columnType"));
                    }
                }
            }
        }
        if (v.pattern() != null) {
            try {
                Pattern.compile(v.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(path + ".pattern", "validation.template.pattern"));
            }
        }
    }

    private static void checkText(TemplateContent content, String text, String path, List<FieldError> errors) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                var spec = content.variable(name);
                if (spec.isEmpty()) {
                    errors.add(new FieldError(path, "validation.template.undeclared", m.group()));
                } else if (spec.get().type() == VariableType.TABLE && !line.strip().equals(m.group())) {
                    errors.add(new FieldError(path, "validation.template.tableAlone", m.group()));
                } else if (m.group(2) != null && !fieldAllowed(spec.get().type(), m.group(2))) {
                    errors.add(new FieldError(path, "validation.template.undeclared", m.group()));
                }
            }
        }
    }

    private static boolean fieldAllowed(VariableType type, String field) {
        return switch (type) {
            case PARTY -> VariableSpec.PARTY_FIELDS.contains(field);
            case MONEY -> field.equals("upper");
            default -> false;
        };
    }
}
