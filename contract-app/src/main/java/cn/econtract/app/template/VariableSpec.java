package cn.econtract.app.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One variable of a template's schema. {@code columns} describe the rows of a TABLE (a payment
 * schedule, delivery milestones); {@code options} the choices of a SELECT.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableSpec(String name, String label, VariableType type, boolean required, BigDecimal min,
                           BigDecimal max, Integer maxLength, String pattern, List<String> options,
                           List<VariableSpec> columns) {

    /** Fields of a PARTY value, in the order a Chinese contract heading lists them. */
    public static final List<String> PARTY_FIELDS = List.of("name", "creditCode", "address", "legalRepresentative", "contact");

    public VariableSpec {
        options = options == null ? null : List.copyOf(options);
        columns = columns == null ? null : List.copyOf(columns);
    }
}
