package cn.econtract.app.audit;

/** What a feature reports; the log adds the time, the caller's origin and the chain. */
public record OperationRecord(String actor, OperationAction action, String resourceType, String resourceId,
                              Outcome outcome, String detail) {

    public static OperationRecord success(String actor, OperationAction action, String resourceType, String resourceId) {
        return new OperationRecord(actor, action, resourceType, resourceId, Outcome.SUCCESS, null);
    }

    public static OperationRecord denied(String actor, OperationAction action, String resourceType, String resourceId,
                                         String detail) {
        return new OperationRecord(actor, action, resourceType, resourceId, Outcome.DENIED, detail);
    }

    public OperationRecord withDetail(String newDetail) {
        return new OperationRecord(actor, action, resourceType, resourceId, outcome, newDetail);
    }
}
