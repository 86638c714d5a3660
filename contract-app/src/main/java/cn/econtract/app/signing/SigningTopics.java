package cn.econtract.app.signing;

import cn.econtract.app.tasks.TopicHandler;
import java.util.List;
import java.util.Map;

/** The external-task topic of {@code contract-signing.bpmn} and what it does, wherever the signing worker runs. */
public final class SigningTopics {

    public static final String LONG_TERM = "signing-long-term";
    static final String CONTRACT_ID = "contractId";
    static final Map<String, List<String>> TOPICS = Map.of(LONG_TERM, List.of(CONTRACT_ID));

    private SigningTopics() {
    }

    static TopicHandler handler(LongTermClosure closure) {
        return (topic, variables) -> {
            if (!LONG_TERM.equals(topic)) {
                throw new IllegalArgumentException("not a signing topic: " + topic);
            }
            closure.close((String) variables.get(CONTRACT_ID));
        };
    }
}
