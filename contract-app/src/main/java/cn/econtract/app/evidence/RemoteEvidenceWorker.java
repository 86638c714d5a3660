package cn.econtract.app.evidence;

import cn.econtract.app.crypto.CryptoConfiguration;
import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.tasks.RemoteTopicWorker;
import cn.econtract.app.timestamp.TimestampConfiguration;
import org.camunda.bpm.client.ExternalTaskClient;
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

    @Bean
    EvidenceRepository evidenceRepository(JdbcClient jdbc) {
        return new EvidenceRepository(jdbc);
    }

    @Bean
    LedgerRepository ledgerRepository(JdbcClient jdbc) {
        return new LedgerRepository(jdbc);
    }

    /** Opens the subscriptions; answers the client so the caller can stop it on shutdown. */
    public static ExternalTaskClient subscribe(ApplicationContext context) {
        return RemoteTopicWorker.subscribe("evidence", context.getBean(EvidenceProperties.class).worker(), EvidenceTopics.TOPICS,
                EvidenceTopics.handler(context.getBean(BatchAnchoring.class)));
    }
}
