package cn.econtract.app.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What a template version says: the variable schema, the preamble and the clauses, plus which
 * variables feed the contract's first-class fields (counterparty, amount, effective and expiry date).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateContent(String description, String counterparty, String amount, String effectiveDate,
                              String expiryDate, String preamble, List<VariableSpec> variables,
                              List<TemplateClause> clauses) {

    public TemplateContent {
        variables = variables == null ? List.of() : List.copyOf(variables);
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }

    public Optional<VariableSpec> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
