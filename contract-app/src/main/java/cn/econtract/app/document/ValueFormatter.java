package cn.econtract.app.document;

import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableType;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Variable values as a Chinese contract prints them; a missing value shows as 【label】 to the drafter. */
public final class ValueFormatter {

    private static final Map<String, String> CURRENCY_NAMES = Map.of("CNY", "人民币", "USD", "美元", "EUR", "欧元",
            "HKD", "港币", "JPY", "日元", "GBP", "英镑");

    private final String currency;

    public ValueFormatter(String currency) {
        this.currency = currency == null ? "CNY" : currency;
    }

    public String format(VariableSpec spec, Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return missing(spec, field);
        }
        return switch (spec.type()) {
            case MONEY -> "upper".equals(field) ? currencyName() + ChineseAmount.upper(decimal(value)) : money(value);
            case DATE -> date(value);
            case NUMBER -> decimal(value).stripTrailingZeros().toPlainString();
            case PARTY -> party(spec, value, field);
            default -> String.valueOf(value);
        };
    }

    public String money(Object value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return currencyName() + format.format(decimal(value)) + ("CNY".equals(currency) ? "元" : "");
    }

    public String cell(VariableSpec column, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return "";
        }
        return column.type() == VariableType.MONEY
                ? new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(decimal(value))
                : format(column, value, null);
    }

    String currencyName() {
        return CURRENCY_NAMES.getOrDefault(currency, currency);
    }

    private String party(VariableSpec spec, Object value, String field) {
        if (!(value instanceof Map<?, ?> party)) {
            return String.valueOf(value);
        }
        Object v = party.get(field == null ? "name" : field);
        return v == null || v.toString().isBlank() ? missing(spec, field) : v.toString();
    }

    static String date(Object value) {
        try {
            LocalDate d = LocalDate.parse(value.toString());
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (DateTimeParseException e) {
            return value.toString();
        }
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString().trim());
    }

    private static String missing(VariableSpec spec, String field) {
        return "【" + spec.label() + (field == null || "upper".equals(field) ? "" : "·" + field) + "】";
    }
}
