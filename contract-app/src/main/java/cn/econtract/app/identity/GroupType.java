package cn.econtract.app.identity;

/** The {@code type} column of Camunda groups, which tells departments from roles. */
public final class GroupType {
    public static final String DEPARTMENT = "DEPARTMENT";
    public static final String ROLE = "ROLE";
    /** Camunda's own administrators group ({@code camunda-admin}). */
    public static final String SYSTEM = "SYSTEM";
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";
    /** Members run the evidence topics of {@code evidence-anchoring} from a separate worker process. */
    public static final String EVIDENCE_WORKER_GROUP = "evidenceworker";
    /** Members run the {@code signing-long-term} topic of {@code contract-signing} from a separate worker process. */
    public static final String SIGNING_WORKER_GROUP = "signingworker";

    private GroupType() {
    }
}
