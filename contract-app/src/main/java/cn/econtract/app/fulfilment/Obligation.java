package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing a party owes under a contract. {@code dueTerm} is how the contract words the date
 * ({@link DueTerm#code()}), {@code dueDate} what it resolves to (null while it counts from an event
 * that has not happened). For a payment, {@code settledAmount} adds up what was paid so far.
 */
public record Obligation(String id, String contractId, ObligationKind kind, String title, Party party, BigDecimal amount,
                         String dueTerm, LocalDate dueDate, Source source, String sourceText, String responsible, Status status,
                         BigDecimal settledAmount, Instant createdAt, String confirmedBy, Instant confirmedAt, Instant settledAt) {

    /** Who owes it: we, the counterparty, or both (an expiry). A payment we owe is payable, one owed to us receivable. */
    public enum Party { OURS, COUNTERPARTY, BOTH }

    /** Where it came from: the template's variables, the contract's text, or a person. */
    public enum Source { TEMPLATE, TEXT, MANUAL }

    /** PROPOSED until the owner confirms; OVERDUE after its date unmet; FULFILLED or DISMISSED settle it. */
    public enum Status {
        PROPOSED, CONFIRMED, OVERDUE, FULFILLED, DISMISSED;

        public boolean settled() {
            return this == FULFILLED || this == DISMISSED;
        }
    }
}
