package cn.econtract.app.evidence;

import cn.econtract.app.tasks.TopicHandler;
import java.util.List;
import java.util.Map;

/** The external-task topics of {@code evidence-anchoring.bpmn} and what each does, wherever the worker runs. */
public final class EvidenceTopics {

    public static final String TIMESTAMP = "evidence-timestamp";
    public static final String ANCHOR = "evidence-anchor";
    static final String BATCH_NO = "batchNo";
    static final Map<String, List<String>> TOPICS = Map.of(TIMESTAMP, List.of(BATCH_NO), ANCHOR, List.of(BATCH_NO));

    private EvidenceTopics() {
    }

    static TopicHandler handler(BatchAnchoring anchoring) {
        return (topic, variables) -> {
            long batchNo = ((Number) variables.get(BATCH_NO)).longValue();
            switch (topic) {
                case TIMESTAMP -> anchoring.timestamp(batchNo);
                case ANCHOR -> anchoring.anchor(batchNo);
                default -> throw new IllegalArgumentException("not an evidence topic: " + topic);
            }
        };
    }
}
