package cn.econtract.delegates.signing;

/**
 * Who holds one signer's task: a named colleague ({@code assignee}), the seal custodians
 * ({@code candidateGroups}), or nobody in Tasklist for a counterparty signing through their link.
 */
public record SignerSeat(String assignee, java.util.List<String> candidateGroups) {
}
