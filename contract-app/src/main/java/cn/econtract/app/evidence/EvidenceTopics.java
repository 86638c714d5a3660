package cn.econtract.app.evidence;

/** The external-task topics of {@code evidence-anchoring.bpmn} and what each does, wherever the worker runs. */
public final class EvidenceTopics {

    public static final String TIMESTAMP = "evidence-timestamp";
    public static final String ANCHOR = "evidence-anchor";
    static final String BATCH_NO = "batchNo";

    private EvidenceTopics() {
    }

    static void handle(BatchAnchoring anchoring, String topic, long batchNo) {
        switch (topic) {
            case TIMESTAMP -> anchoring.timestamp(batchNo);
            case ANCHOR -> anchoring.anchor(batchNo);
            default -> throw new IllegalArgumentException("not an evidence topic: " + topic);
        }
    }

    /** Attempts left after a failure, and the message Cockpit shows when none are. */
    static int retriesAfterFailure(Integer current, int configured) {
        return Math.max(0, (current == null ? configured : current) - 1);
    }
}
