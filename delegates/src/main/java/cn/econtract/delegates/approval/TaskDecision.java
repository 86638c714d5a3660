package cn.econtract.delegates.approval;

import java.util.Date;

/** An approver's decision on one task, as the task listener hands it over. */
public record TaskDecision(String contractId, int round, int level, String levelName, String mode, String taskId,
                           String taskName, Date taskCreated, String actor, String decision, String opinion) {
}
