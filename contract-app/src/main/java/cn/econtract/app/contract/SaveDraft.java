package cn.econtract.app.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One save of the editor: the version it was based on (a stale base answers 409, so two editors
 * never overwrite each other), the clauses in their order and the variable values.
 */
public record SaveDraft(@Min(1) int baseVersion, @Size(max = 200) String title, @Size(max = 20_000) String preamble,
                        @NotNull @Size(max = 300) List<@Valid ContractClause> clauses,
                        @Size(max = 200) Map<String, Object> variables) {
}
