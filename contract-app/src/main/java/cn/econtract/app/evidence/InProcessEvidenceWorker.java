package cn.econtract.app.evidence;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The anchoring worker in the application's JVM (embedded default): fetches the evidence topics
 * through the engine's Java API on one daemon thread. Turned off with
 * {@code econtract.evidence.worker.in-process=false} when separate worker processes run.
 */
public class InProcessEvidenceWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InProcessEvidenceWorker.class);
    private static final int MAX_TASKS = 10;

    private final ExternalTaskService tasks;
    private final BatchAnchoring anchoring;
    private final EvidenceProperties.Worker settings;
    private final boolean poll;
    private final String workerId = "in-process-" + UUID.randomUUID();
    private volatile Thread thread;

    InProcessEvidenceWorker(ExternalTaskService tasks, BatchAnchoring anchoring, EvidenceProperties properties) {
        this.tasks = tasks;
        this.anchoring = anchoring;
        this.settings = properties.worker();
        this.poll = settings.inProcess();
    }

    /** Does every evidence task that is due now; answers how many were completed. */
    public int drain() {
        int done = 0;
        List<LockedExternalTask> locked;
        do {
            long lock = settings.lockDuration().toMillis();
            locked = tasks.fetchAndLock(MAX_TASKS, workerId)
                    .topic(EvidenceTopics.TIMESTAMP, lock).variables(EvidenceTopics.BATCH_NO)
                    .topic(EvidenceTopics.ANCHOR, lock).variables(EvidenceTopics.BATCH_NO)
                    .execute();
            for (LockedExternalTask task : locked) {
                if (work(task)) {
                    done++;
                }
            }
        } while (!locked.isEmpty() && done > 0);
        return done;
    }

    private boolean work(LockedExternalTask task) {
        long batchNo = ((Number) task.getVariables().get(EvidenceTopics.BATCH_NO)).longValue();
        try {
            EvidenceTopics.handle(anchoring, task.getTopicName(), batchNo);
            tasks.complete(task.getId(), workerId);
            return true;
        } catch (RuntimeException e) {
            int left = EvidenceTopics.retriesAfterFailure(task.getRetries(), settings.retries());
            log.warn("Evidence task {} for batch {} failed ({} attempts left): {}", task.getTopicName(), batchNo, left, e.toString());
            tasks.handleFailure(task.getId(), workerId, e.getMessage(), stackTrace(e), left, settings.retryBackoff().toMillis());
            return false;
        }
    }

    private void loop() {
        while (thread != null) {
            try {
                if (drain() == 0) {
                    Thread.sleep(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Evidence worker poll failed, retrying: {}", e.toString());
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (poll && thread == null) {
            Thread t = new Thread(this::loop, "evidence-worker");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
