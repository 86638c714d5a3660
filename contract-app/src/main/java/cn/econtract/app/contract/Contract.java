package cn.econtract.app.contract;

import java.math.BigDecimal;
import java.time.Instant;

/** A contract as the register holds it, body and contact already decrypted. */
public record Contract(String id, String contractNo, String title, String contractType, String departmentId,
                       String counterpartyName, String counterpartyContact, BigDecimal amount, String currency,
                       String body, ContractStatus status, String createdBy, Instant createdAt, Instant updatedAt) {
}
