package cn.econtract.app.evidence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals waiting entries into batches: at most {@code batchSize} entries, as soon as that many wait
 * or the oldest has waited {@code batchInterval}. Each batch gets its Merkle root and starts one
 * {@code evidence-anchoring} process, whose external tasks time-stamp and anchor it. Several nodes
 * may seal at once: the batch number and first entry are unique, the loser steps back.
 */
@Service
public class EvidenceSealing {

    public static final String PROCESS = "evidence-anchoring";
    private static final Logger log = LoggerFactory.getLogger(EvidenceSealing.class);

    private final EvidenceRepository repository;
    private final EvidenceProperties properties;
    private final RuntimeService runtime;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EvidenceSealing(EvidenceRepository repository, EvidenceProperties properties, RuntimeService runtime, Clock clock,
                    PlatformTransactionManager transactions) {
        this.repository = repository;
        this.properties = properties;
        this.runtime = runtime;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${econtract.evidence.seal-check:PT1S}", initialDelayString = "${econtract.evidence.seal-check:PT1S}")
    void onSchedule() {
        if (properties.autoSeal()) {
            try {
                sealDue(false);
            } catch (RuntimeException e) {
                log.warn("Sealing evidence batches failed, next attempt on the next tick: {}", e.toString());
            }
        }
    }

    /** Seals every batch that is due ({@code force}: everything waiting, now); answers the batches sealed. */
    public List<EvidenceBatch> sealDue(boolean force) {
        List<EvidenceBatch> sealed = new ArrayList<>();
        Optional<EvidenceBatch> next;
        while ((next = sealNext(force)).isPresent()) {
            sealed.add(next.get());
        }
        return sealed;
    }

    private Optional<EvidenceBatch> sealNext(boolean force) {
        try {
            return Optional.ofNullable(transaction.execute(status -> {
                EvidenceRepository.Pending pending = repository.pending().orElse(null);
                if (pending == null) {
                    return null;
                }
                boolean full = pending.count() >= properties.batchSize();
                boolean old = !pending.oldest().plus(properties.batchInterval()).isAfter(clock.instant());
                if (!full && !old && !force) {
                    return null;
                }
                long last = Math.min(pending.lastSeq(), pending.firstSeq() + properties.batchSize() - 1);
                List<EvidenceEntry> entries = repository.range(pending.firstSeq(), last);
                MerkleTree tree = new MerkleTree(entries.stream().map(EvidenceHashing::leaf).toList());
                EvidenceBatch batch = new EvidenceBatch(repository.lastBatchNo() + 1, pending.firstSeq(), last,
                        HexFormat.of().formatHex(tree.root()), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        null, null, null, null, null);
                repository.insertBatch(batch);
                runtime.startProcessInstanceByKey(PROCESS, "evidence-batch-" + batch.batchNo(),
                        Map.of("batchNo", batch.batchNo(), "entries", batch.size()));
                return batch;
            }));
        } catch (DuplicateKeyException e) {
            return Optional.empty();  // another node sealed this range; it will come round again if more wait
        }
    }
}
