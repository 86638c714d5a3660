package cn.econtract.app.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize     a batch is sealed as soon as this many entries wait (N)
 * @param batchInterval … or when the oldest waiting entry is this old (T)
 * @param autoSeal      seal on that schedule; off only where a test seals by hand
 * @param ledger        {@code local} (embedded default) or {@code fisco-bcos}
 * @param worker        the anchoring worker (Camunda external tasks)
 */
@ConfigurationProperties("econtract.evidence")
public record EvidenceProperties(Integer batchSize, Duration batchInterval, Boolean autoSeal, String ledger,
                                 Worker worker) {

    public static final String LOCAL_LEDGER = "local";

    public EvidenceProperties {
        batchSize = batchSize == null ? 256 : batchSize;
        batchInterval = batchInterval == null ? Duration.ofSeconds(10) : batchInterval;
        autoSeal = autoSeal == null || autoSeal;
        ledger = ledger == null || ledger.isBlank() ? LOCAL_LEDGER : ledger;
        worker = worker == null ? new Worker(null, null, null, null, null, null, null, null) : worker;
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("econtract.evidence.batch-size must be 1..4096, was " + batchSize);
        }
    }

    /**
     * @param inProcess     poll the engine in this JVM (default); off when separate workers run
     * @param pollInterval  pause between polls when there was nothing to do
     * @param lockDuration  how long a fetched task is ours before another worker may take it
     * @param retries       attempts before the task becomes an incident in Cockpit
     * @param retryBackoff  wait before the next attempt
     * @param engineUrl     separate worker only: the engine REST API ({@code …/engine-rest})
     * @param username      separate worker only: a member of the evidenceworker group
     * @param password      its password, from the environment ({@code ECONTRACT_EVIDENCE_WORKER_PASSWORD})
     */
    public record Worker(Boolean inProcess, Duration pollInterval, Duration lockDuration, Integer retries,
                         Duration retryBackoff, String engineUrl, String username, String password) {

        public Worker {
            inProcess = inProcess == null || inProcess;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            lockDuration = lockDuration == null ? Duration.ofMinutes(1) : lockDuration;
            retries = retries == null ? 5 : retries;
            retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        }

        @Override
        public String toString() {
            return "Worker[inProcess=" + inProcess + ", engineUrl=" + engineUrl + ", username=" + username + "]";
        }
    }
}
