package cn.econtract.app.approval;

import java.time.Instant;

/** One line of the approval trail (F2.2): who did what, at which level, on which version, when. */
public record ApprovalStep(String contractId, int round, Integer level, String levelName, String mode, String taskId,
                           String taskName, StepAction action, String actor, String targetUser, String opinion,
                           int contractVersion, Instant taskCreatedAt, Instant occurredAt) {
}
