package cn.econtract.delegates.approval;

import java.util.List;
import java.util.Map;

/** What {@code contract-approval.bpmn} asks of the application. Implemented in contract-app. */
public interface ApprovalPort {

    /**
     * Turns the routing decision's rows into the round's levels, keeps them with the round and
     * answers how many levels there are (never zero: a route without approvers is refused).
     */
    int planRoute(String contractId, int round, String processInstanceId, List<Map<String, Object>> decisionRows);

    /** The level at {@code index} (0-based) of the round's route, its candidates resolved to approver slots. */
    LevelPlan openLevel(String contractId, int round, int index);

    /** Records an approver's decision (validated: opinion required to reject or return) and says what it settles. */
    LevelEffect decide(TaskDecision decision);

    /** A task of the round changed hands (claim, release, transfer, delegation); {@code from} or {@code to} may be null. */
    void assigned(String contractId, int round, String taskId, String actor, String from, String to);

    /** SLA reminder: notifies whoever still has to decide at this level. */
    void remind(String contractId, int round, String processInstanceId, int level);

    /** SLA escalation: offers the level's open tasks to the approvers' managers too, and tells them. */
    void escalate(String contractId, int round, String processInstanceId, int level);

    /** Ends the round: APPROVED when every level passed, else REJECTED or RETURNED. */
    String conclude(String contractId, int round, String outcome);
}
