package cn.econtract.app.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a caller supplies to draft a contract: from a template ({@code templateId} and
 * {@code variables}; type, counterparty, amount and dates then follow from the template's mapping
 * unless given) or as free text ({@code body}). {@code allowIncomplete} lets an editor start a draft
 * before every required variable is known; submission checks completeness again.
 */
public record NewContract(
        @NotBlank @Size(max = 200) String title,
        @Pattern(regexp = "[A-Z_]{2,32}", message = "{validation.contractType}") String contractType,
        @Size(max = 64) String departmentId,
        @Size(max = 200) String counterpartyName,
        @Size(max = 1000) String counterpartyContact,
        @DecimalMin(value = "0.00", message = "{validation.amount.negative}") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "{validation.currency}") String currency,
        @Size(max = 200_000) String body,
        @Size(max = 36) String templateId,
        @Size(max = 200) Map<String, Object> variables,
        LocalDate effectiveDate,
        LocalDate expiryDate,
        boolean allowIncomplete) {
}
