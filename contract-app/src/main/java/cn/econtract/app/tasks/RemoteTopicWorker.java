package cn.econtract.app.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker as a separate process (A2): subscribes to its topics over the engine's REST API with
 * Camunda's external-task client, authenticated as a service account of the worker's group.
 */
public final class RemoteTopicWorker {

    private static final Logger log = LoggerFactory.getLogger(RemoteTopicWorker.class);

    private RemoteTopicWorker() {
    }

    /** Opens the subscriptions; answers the client so the caller can stop it on shutdown. */
    public static ExternalTaskClient subscribe(String name, TopicWorkerSettings settings, Map<String, List<String>> topics,
                                               TopicHandler handler) {
        if (settings.engineUrl() == null || settings.username() == null || settings.username().isBlank()) {
            throw new IllegalStateException("set the " + name + " worker's engine-url and username (and its password)");
        }
        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl(settings.engineUrl())
                .workerId(name + "-worker-" + UUID.randomUUID())
                .addInterceptor(new BasicAuthProvider(settings.username(), settings.password()))
                .asyncResponseTimeout(settings.pollInterval().toMillis() * 10)
                .maxTasks(10)
                .build();
        for (Map.Entry<String, List<String>> topic : topics.entrySet()) {
            client.subscribe(topic.getKey()).lockDuration(settings.lockDuration().toMillis())
                    .variables(topic.getValue().toArray(String[]::new))
                    .handler((task, service) -> handle(name, handler, settings, task, service)).open();
        }
        log.info("{} worker subscribed to {} at {}", name, topics.keySet(), settings.engineUrl());
        return client;
    }

    private static void handle(String name, TopicHandler handler, TopicWorkerSettings settings, ExternalTask task,
                               ExternalTaskService service) {
        try {
            handler.handle(task.getTopicName(), task.getAllVariables());
        } catch (RuntimeException e) {
            int left = settings.retriesAfterFailure(task.getRetries());
            log.warn("{} task {} ({}) failed, {} attempts left: {}", name, task.getTopicName(), task.getProcessInstanceId(),
                    left, e.toString());
            service.handleFailure(task, e.getMessage(), InProcessTopicWorker.stackTrace(e), left, settings.retryBackoff().toMillis());
            return;
        }
        service.complete(task);
    }
}
