package cn.econtract.app.approval;

import java.time.Instant;
import java.util.List;

/**
 * One submission of a contract and how it ended: PENDING while it runs, then APPROVED, REJECTED,
 * RETURNED or WITHDRAWN. {@code route} is what the routing decision gave when the round started.
 */
public record ApprovalRound(String contractId, int round, String processInstanceId, int contractVersion,
                            String contentHash, String submittedBy, Instant submittedAt, List<ApprovalLevel> route,
                            String outcome, Instant endedAt) {

    public static final String PENDING = "PENDING";

    public ApprovalRound {
        route = route == null ? List.of() : List.copyOf(route);
    }
}
