package cn.econtract.app.evidence;

import cn.econtract.app.tasks.TopicWorkerSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize     a batch is sealed as soon as this many entries wait (N)
 * @param batchInterval … or when the oldest waiting entry is this old (T)
 * @param autoSeal      seal on that schedule; off only where a test seals by hand
 * @param ledger        {@code local} (embedded default) or {@code fisco-bcos}
 * @param worker        the anchoring worker (Camunda external tasks); its user is a member of evidenceworker
 */
@ConfigurationProperties("econtract.evidence")
public record EvidenceProperties(Integer batchSize, Duration batchInterval, Boolean autoSeal, String ledger,
                                 TopicWorkerSettings worker) {

    public static final String LOCAL_LEDGER = "local";

    public EvidenceProperties {
        batchSize = batchSize == null ? 256 : batchSize;
        batchInterval = batchInterval == null ? Duration.ofSeconds(10) : batchInterval;
        autoSeal = autoSeal == null || autoSeal;
        ledger = ledger == null || ledger.isBlank() ? LOCAL_LEDGER : ledger;
        worker = worker == null ? TopicWorkerSettings.defaults() : worker;
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("econtract.evidence.batch-size must be 1..4096, was " + batchSize);
        }
    }
}
