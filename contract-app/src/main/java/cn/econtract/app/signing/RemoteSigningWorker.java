package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationLogForWorkers;
import cn.econtract.app.crypto.CryptoConfiguration;
import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.Pkcs11Properties;
import cn.econtract.app.pki.PkiForWorkers;
import cn.econtract.app.storage.StorageForWorkers;
import cn.econtract.app.tasks.RemoteTopicWorker;
import cn.econtract.app.timestamp.TimestampConfiguration;
import org.camunda.bpm.client.ExternalTaskClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The signing worker outside the application (A2): subscribes to {@link SigningTopics#LONG_TERM}
 * over the engine's REST API. It needs what closing a signed PDF needs — the key store (or HSM)
 * for the CA's OCSP answers and CRL, the time-stamp authority, the document store — and nothing
 * of the engine or the web. Not a {@code @Configuration}: only the worker process imports it
 * (see {@code cn.econtract.worker.SigningWorkerApplication}).
 */
@EnableConfigurationProperties({CryptoProperties.class, Pkcs11Properties.class, SigningProperties.class})
@Import({CryptoConfiguration.class, TimestampConfiguration.class, StorageForWorkers.class, PkiForWorkers.class,
        OperationLogForWorkers.class, SigningRepository.class, LongTermValidation.class, LongTermClosure.class})
public class RemoteSigningWorker {

    /** Opens the subscription; answers the client so the caller can stop it on shutdown. */
    public static ExternalTaskClient subscribe(ApplicationContext context) {
        return RemoteTopicWorker.subscribe("signing", context.getBean(SigningProperties.class).worker(), SigningTopics.TOPICS,
                SigningTopics.handler(context.getBean(LongTermClosure.class)));
    }
}
