package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fact {@code rules/drl/overdue.drl} reasons about: one overdue obligation and the
 * counterparty's history. Rules call {@link #decide}; the first reason given for an action is kept.
 * A bean with getters, as rule conditions read it.
 */
public final class OverdueCase {

    private final String kind;
    private final String party;
    private final long daysOverdue;
    private final BigDecimal amountDue;
    private final int counterpartyLateCount;
    private final int lettersSent;
    private final boolean disputeOpen;
    private final Map<String, String> actions = new LinkedHashMap<>();

    public OverdueCase(String kind, String party, long daysOverdue, BigDecimal amountDue, int counterpartyLateCount, int lettersSent,
                       boolean disputeOpen) {
        this.kind = kind;
        this.party = party;
        this.daysOverdue = daysOverdue;
        this.amountDue = amountDue == null ? BigDecimal.ZERO : amountDue;
        this.counterpartyLateCount = counterpartyLateCount;
        this.lettersSent = lettersSent;
        this.disputeOpen = disputeOpen;
    }

    public void decide(String action, String reason) {
        actions.putIfAbsent(action, reason);
    }

    /** The actions the rules chose, each with its reason, in the order they were first chosen. */
    public Map<String, String> actions() {
        return Map.copyOf(actions);
    }

    public boolean has(String action) {
        return actions.containsKey(action);
    }

    public String getKind() {
        return kind;
    }

    public String getParty() {
        return party;
    }

    public long getDaysOverdue() {
        return daysOverdue;
    }

    public BigDecimal getAmountDue() {
        return amountDue;
    }

    public int getCounterpartyLateCount() {
        return counterpartyLateCount;
    }

    public int getLettersSent() {
        return lettersSent;
    }

    public boolean isDisputeOpen() {
        return disputeOpen;
    }
}
