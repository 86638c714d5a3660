package cn.econtract.app.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as the register holds it, body and contact already decrypted. {@code body} is the
 * plain text of the current version (placeholders filled), {@code riskFlags} what approval routing
 * reads: STANDARD_CLAUSE_CHANGED, NEW_COUNTERPARTY.
 */
public record Contract(String id, String contractNo, String title, String contractType, String departmentId,
                       String counterpartyName, String counterpartyContact, BigDecimal amount, String currency,
                       String body, ContractStatus status, String createdBy, Instant createdAt, Instant updatedAt,
                       String templateVersionId, LocalDate effectiveDate, LocalDate expiryDate, int currentVersion,
                       List<String> riskFlags) {

    public Contract {
        riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
    }
}
