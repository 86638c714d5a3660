package cn.econtract.app.tasks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A worker in the application's JVM (embedded default): fetches its topics through the engine's
 * Java API on one daemon thread. Turned off with {@code …worker.in-process=false} when separate
 * worker processes run; {@link #drain()} does what is due now, for tests and commands.
 */
public class InProcessTopicWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InProcessTopicWorker.class);
    private static final int MAX_TASKS = 10;

    private final String name;
    private final ExternalTaskService tasks;
    private final Map<String, List<String>> topics;
    private final TopicHandler handler;
    private final TopicWorkerSettings settings;
    private final String workerId;
    private volatile Thread thread;

    /** {@code topics}: each topic with the variables its handler reads. */
    protected InProcessTopicWorker(String name, ExternalTaskService tasks, Map<String, List<String>> topics,
                                   TopicHandler handler, TopicWorkerSettings settings) {
        this.name = name;
        this.tasks = tasks;
        this.topics = Map.copyOf(topics);
        this.handler = handler;
        this.settings = settings;
        this.workerId = "in-process-" + name + "-" + UUID.randomUUID();
    }

    /** Does every task of these topics that is due now; answers how many were completed. */
    public int drain() {
        int done = 0;
        List<LockedExternalTask> locked;
        do {
            locked = fetch();
            for (LockedExternalTask task : locked) {
                if (work(task)) {
                    done++;
                }
            }
        } while (!locked.isEmpty() && done > 0);
        return done;
    }

    private List<LockedExternalTask> fetch() {
        var fetch = tasks.fetchAndLock(MAX_TASKS, workerId);
        ExternalTaskQueryTopicBuilder builder = null;
        for (Map.Entry<String, List<String>> topic : topics.entrySet()) {
            builder = (builder == null ? fetch.topic(topic.getKey(), settings.lockDuration().toMillis())
                    : builder.topic(topic.getKey(), settings.lockDuration().toMillis())).variables(topic.getValue());
        }
        return builder == null ? List.of() : builder.execute();
    }

    private boolean work(LockedExternalTask task) {
        try {
            handler.handle(task.getTopicName(), task.getVariables());
            tasks.complete(task.getId(), workerId);
            return true;
        } catch (RuntimeException e) {
            int left = settings.retriesAfterFailure(task.getRetries());
            log.warn("{} task {} ({}) failed, {} attempts left: {}", name, task.getTopicName(), task.getProcessInstanceId(),
                    left, e.toString());
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
                log.warn("{} worker poll failed, retrying: {}", name, e.toString());
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
        if (settings.inProcess() && thread == null) {
            Thread t = new Thread(this::loop, name + "-worker");
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
            try {
                t.join(10_000);  // a task in hand is finished or failed before the caller goes on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** What Cockpit shows for a failed attempt. */
    public static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
