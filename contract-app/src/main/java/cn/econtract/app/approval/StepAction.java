package cn.econtract.app.approval;

/** What happened at one step of the approval trail. */
public enum StepAction {
    SUBMITTED, RESUBMITTED, APPROVED, REJECTED, RETURNED, CLAIMED, RELEASED, TRANSFERRED, APPROVER_ADDED,
    REMINDED, ESCALATED, WITHDRAWN;

    /** The approver's decision as the forms and the API name it. */
    static StepAction ofDecision(String decision) {
        return switch (decision) {
            case "APPROVE" -> APPROVED;
            case "REJECT" -> REJECTED;
            case "RETURN" -> RETURNED;
            default -> throw new IllegalArgumentException(decision);
        };
    }
}
