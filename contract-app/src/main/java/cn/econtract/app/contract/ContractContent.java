package cn.econtract.app.contract;

import java.util.List;
import java.util.Map;

/** What one version of a contract says: preamble, ordered clauses and the variable values. */
public record ContractContent(String preamble, List<ContractClause> clauses, Map<String, Object> variables) {

    public ContractContent {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
        variables = variables == null ? Map.of() : variables;
    }
}
