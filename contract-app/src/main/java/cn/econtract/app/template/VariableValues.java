package cn.econtract.app.template;

import cn.econtract.app.kernel.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks variable values against a template's schema and brings them into canonical form (money
 * with two decimals, dates ISO, numbers plain). Every invalid field is reported, not just the first.
 */
public final class VariableValues {

    /** 统一社会信用代码: 18 characters, digits and upper-case letters except I, O, S, V, Z. */
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{2}\\d{6}[0-9A-HJ-NP-RTUWXY]{10}");
    private static final int MAX_TEXT = 2000;
    private static final int MAX_ROWS = 200;

    private VariableValues() {
    }

    /** @param complete true when every required value must be present (false while a draft is edited) */
    public static Result check(List<VariableSpec> schema, Map<String, Object> values, boolean complete) {
        Map<String, Object> input = values == null ? Map.of() : values;
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> clean = new LinkedHashMap<>();
        for (String name : input.keySet()) {
            if (schema.stream().noneMatch(s -> s.name().equals(name))) {
                errors.add(new FieldError("variables." + name, "validation.variable.unknown"));
            }
        }
        for (VariableSpec spec : schema) {
            Object value = clean(spec, input.get(spec.name()), "variables." + spec.name(), complete, errors);
            if (value != null) {
                clean.put(spec.name(), value);
            }
        }
        return new Result(clean, errors);
    }

    public record Result(Map<String, Object> values, List<FieldError> errors) {
    }

    private static Object clean(VariableSpec spec, Object raw, String path, boolean complete, List<FieldError> errors) {
        if (raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty())) {
            if (spec.required() && complete) {
                errors.add(new FieldError(path, "validation.required"));
            }
            return null;
        }
        return switch (spec.type()) {
            case TEXT -> text(spec, raw, path, errors);
            case NUMBER, MONEY -> number(spec, raw, path, errors);
            case DATE -> date(raw, path, errors);
            case SELECT -> {
                String v = raw.toString();
                if (!spec.options().contains(v)) {
                    errors.add(new FieldError(path, "validation.variable.option"));
                }
                yield v;
            }
            case PARTY -> party(spec, raw, path, complete, errors);
            case TABLE -> table(spec, raw, path, complete, errors);
        };
    }

    private static Object text(VariableSpec spec, Object raw, String path, List<FieldError> errors) {
        if (raw instanceof Map || raw instanceof List) {
            errors.add(new FieldError(path, "validation.typeMismatch"));
            return null;
        }
        String v = raw.toString().strip();
        int max = spec.maxLength() == null ? MAX_TEXT : spec.maxLength();
        if (v.length() > max) {
            errors.add(new FieldError(path, "validation.variable.tooLong", max));
        }
        if (spec.pattern() != null && !v.matches(spec.pattern())) {
            errors.add(new FieldError(path, "validation.variable.pattern"));
        }
        return v;
    }

    private static Object number(VariableSpec spec, Object raw, String path, List<FieldError> errors) {
        BigDecimal v;
        try {
            v = new BigDecimal(raw.toString().strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, "validation.variable.number"));
            return null;
        }
        if (spec.type() == VariableType.MONEY) {
            if (v.signum() < 0) {
                errors.add(new FieldError(path, "validation.amount.negative"));
                return null;
            }
            if (v.scale() > 2 || v.precision() - v.scale() > 15) {
                errors.add(new FieldError(path, "validation.variable.money"));
                return null;
            }
            v = v.setScale(2);
        }
        if (spec.min() != null && v.compareTo(spec.min()) < 0) {
            errors.add(new FieldError(path, "validation.variable.min", spec.min().toPlainString()));
            return null;
        }
        if (spec.max() != null && v.compareTo(spec.max()) > 0) {
            errors.add(new FieldError(path, "validation.variable.max", spec.max().toPlainString()));
            return null;
        }
        return spec.type() == VariableType.MONEY ? v.toPlainString() : v.stripTrailingZeros().toPlainString();
    }

    private static Object date(Object raw, String path, List<FieldError> errors) {
        try {
            return LocalDate.parse(raw.toString().strip()).toString();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "validation.variable.date"));
            return null;
        }
    }

    private static Object party(VariableSpec spec, Object raw, String path, boolean complete, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(new FieldError(path, "validation.typeMismatch"));
            return null;
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        for (String field : VariableSpec.PARTY_FIELDS) {
            Object v = map.get(field);
            String s = v == null ? "" : v.toString().strip();
            if (s.length() > 300) {
                errors.add(new FieldError(path + "." + field, "validation.variable.tooLong", 300));
            }
            if (field.equals("creditCode") && !s.isEmpty() && !CREDIT_CODE.matcher(s).matches()) {
                errors.add(new FieldError(path + "." + field, "validation.variable.creditCode"));
            }
            if (field.equals("name") && s.isEmpty() && spec.required() && complete) {
                errors.add(new FieldError(path + ".name", "validation.required"));
            }
            if (!s.isEmpty()) {
                clean.put(field, s);
            }
        }
        for (Object key : map.keySet()) {
            if (!VariableSpec.PARTY_FIELDS.contains(String.valueOf(key))) {
                errors.add(new FieldError(path + "." + key, "validation.variable.unknown"));
            }
        }
        return clean;
    }

    private static Object table(VariableSpec spec, Object raw, String path, boolean complete, List<FieldError> errors) {
        if (!(raw instanceof List<?> rows)) {
            errors.add(new FieldError(path, "validation.typeMismatch"));
            return null;
        }
        if (rows.size() > MAX_ROWS) {
            errors.add(new FieldError(path, "validation.variable.rows", MAX_ROWS));
            return null;
        }
        List<Map<String, Object>> clean = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                errors.add(new FieldError(path + "[" + i + "]", "validation.typeMismatch"));
                continue;
            }
            Map<String, Object> cleanRow = new LinkedHashMap<>();
            for (VariableSpec column : spec.columns()) {
                Object v = clean(column, row.get(column.name()), path + "[" + i + "]." + column.name(), complete, errors);
                if (v != null) {
                    cleanRow.put(column.name(), v);
                }
            }
            clean.add(cleanRow);
        }
        checkInstalmentShares(spec, clean, path, complete, errors);
        return clean;
    }

    /**
     * A schedule with a percentage column ({@code ratio}, as payment schedules have) may not give away
     * more than 100 %; once complete, shares given on every row must add up to exactly 100 %.
     */
    private static void checkInstalmentShares(VariableSpec spec, List<Map<String, Object>> rows, String path, boolean complete,
                                              List<FieldError> errors) {
        boolean hasRatio = spec.columns().stream().anyMatch(c -> c.name().equals("ratio") && c.type() == VariableType.NUMBER);
        if (!hasRatio || rows.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean allGiven = true;
        for (Map<String, Object> row : rows) {
            Object ratio = row.get("ratio");
            if (ratio == null) {
                allGiven = false;
            } else {
                sum = sum.add(new BigDecimal(ratio.toString()));
            }
        }
        BigDecimal hundred = BigDecimal.valueOf(100);
        if (sum.compareTo(hundred) > 0 || (complete && allGiven && sum.compareTo(hundred) != 0)) {
            errors.add(new FieldError(path, "validation.variable.ratioSum", sum.stripTrailingZeros().toPlainString()));
        }
    }
}
