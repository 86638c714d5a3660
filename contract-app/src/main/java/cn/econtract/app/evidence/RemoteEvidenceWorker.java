package cn.econtract.app.evidence;

import cn.econtract.app.crypto.CryptoConfiguration;
import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.timestamp.TimestampConfiguration;
import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The anchoring worker outside the application (A2): subscribes to the evidence topics over the
 * engine's REST API with Camunda's external-task client. Deliberately not a {@code @Configuration}:
 * the application's component scan must not pick these beans up; only the worker process imports
 * them (see {@code cn.econtract.worker.EvidenceWorkerApplication}).
 */
@EnableConfigurationProperties(CryptoProperties.class)
@Import({CryptoConfiguration.class, TimestampConfiguration.class, AnchoringConfiguration.class})
public class RemoteEvidenceWorker {

    private static final Logger log = LoggerFactory.getLogger(RemoteEvidenceWorker.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EvidenceRepository evidenceRepository(JdbcClient jdbc) {
        return new EvidenceRepository(jdbc);
    }

    @Bean
    LedgerRepository ledgerRepository(JdbcClient jdbc) {
        return new LedgerRepository(jdbc);
    }

    /** Opens the subscriptions; answers the client so the caller can stop it on shutdown. */
    public static ExternalTaskClient subscribe(ApplicationContext context, String workerPrefix) {
        EvidenceProperties.Worker settings = context.getBean(EvidenceProperties.class).worker();
        if (settings.engineUrl() == null || settings.username() == null || settings.username().isBlank()) {
            throw new IllegalStateException("set econtract.evidence.worker.engine-url and .username (and ECONTRACT_EVIDENCE_WORKER_PASSWORD)");
        }
        BatchAnchoring anchoring = context.getBean(BatchAnchoring.class);
        ExternalTaskClient client = ExternalTaskClient.create()
                .baseUrl(settings.engineUrl())
                .workerId(workerPrefix + "-" + UUID.randomUUID())
                .addInterceptor(new BasicAuthProvider(settings.username(), settings.password()))
                .asyncResponseTimeout(settings.pollInterval().toMillis() * 10)
                .maxTasks(10)
                .build();
        for (String topic : new String[] {EvidenceTopics.TIMESTAMP, EvidenceTopics.ANCHOR}) {
            client.subscribe(topic).lockDuration(settings.lockDuration().toMillis())
                    .variables(EvidenceTopics.BATCH_NO)
                    .handler((task, service) -> handle(anchoring, settings, task, service)).open();
        }
        log.info("Evidence worker subscribed to {} and {} at {}", EvidenceTopics.TIMESTAMP, EvidenceTopics.ANCHOR,
                settings.engineUrl());
        return client;
    }

    private static void handle(BatchAnchoring anchoring, EvidenceProperties.Worker settings, ExternalTask task,
                               ExternalTaskService service) {
        long batchNo = ((Number) task.getVariable(EvidenceTopics.BATCH_NO)).longValue();
        try {
            EvidenceTopics.handle(anchoring, task.getTopicName(), batchNo);
            service.complete(task);
        } catch (RuntimeException e) {
            int left = EvidenceTopics.retriesAfterFailure(task.getRetries(), settings.retries());
            log.warn("Evidence task {} for batch {} failed ({} attempts left): {}", task.getTopicName(), batchNo, left, e.toString());
            service.handleFailure(task, e.getMessage(), InProcessEvidenceWorker.stackTrace(e), left,
                    settings.retryBackoff().toMillis());
        }
    }
}
