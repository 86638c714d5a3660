package cn.econtract.app.signing;

import cn.econtract.app.tasks.InProcessTopicWorker;
import org.camunda.bpm.engine.ExternalTaskService;

/**
 * The signing worker in the application's JVM (embedded default). Turned off with
 * {@code econtract.signing.worker.in-process=false} when separate {@code signing-worker} processes run.
 */
public class InProcessSigningWorker extends InProcessTopicWorker {

    InProcessSigningWorker(ExternalTaskService tasks, LongTermClosure closure, SigningProperties properties) {
        super("signing", tasks, SigningTopics.TOPICS, SigningTopics.handler(closure), properties.worker());
    }
}
