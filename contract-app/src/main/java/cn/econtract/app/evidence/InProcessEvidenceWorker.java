package cn.econtract.app.evidence;

import cn.econtract.app.tasks.InProcessTopicWorker;
import org.camunda.bpm.engine.ExternalTaskService;

/**
 * The anchoring worker in the application's JVM (embedded default). Turned off with
 * {@code econtract.evidence.worker.in-process=false} when separate worker processes run.
 */
public class InProcessEvidenceWorker extends InProcessTopicWorker {

    InProcessEvidenceWorker(ExternalTaskService tasks, BatchAnchoring anchoring, EvidenceProperties properties) {
        super("evidence", tasks, EvidenceTopics.TOPICS, EvidenceTopics.handler(anchoring), properties.worker());
    }
}
