package cn.econtract.app.evidence;

import cn.econtract.app.timestamp.TimeStampAuthority;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the anchoring worker does for one batch, wherever it runs (in the application's JVM or a
 * separate worker process): time-stamp the Merkle root, then anchor it on the ledger. Both steps
 * are idempotent, so a task retried after a crash or a lost lock does no harm.
 */
public class BatchAnchoring {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EvidenceRepository repository;
    private final TimeStampAuthority authority;
    private final EvidenceLedger ledger;
    private final Clock clock;

    BatchAnchoring(EvidenceRepository repository, TimeStampAuthority authority, EvidenceLedger ledger, Clock clock) {
        this.repository = repository;
        this.authority = authority;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void timestamp(long batchNo) {
        EvidenceBatch batch = batch(batchNo);
        if (batch.timestampToken() != null) {
            return;
        }
        byte[] token = authority.stamp(HexFormat.of().parseHex(batch.merkleRoot()));
        repository.saveTimestamp(batchNo, Base64.getEncoder().encodeToString(token), clock.instant());
    }

    public void anchor(long batchNo) {
        EvidenceBatch batch = batch(batchNo);
        if (batch.anchorReceipt() != null) {
            return;
        }
        AnchorReceipt receipt = ledger.anchor(new BatchHeader(batch.batchNo(), batch.firstSeq(), batch.lastSeq(),
                batch.merkleRoot()));
        repository.saveAnchor(batchNo, ledger.name(), json(receipt), clock.instant());
    }

    private EvidenceBatch batch(long batchNo) {
        // the message becomes the Cockpit incident text an operator reads
        return repository.batch(batchNo).orElseThrow(() -> new IllegalStateException("evidence batch " + batchNo + " does not exist"));
    }

    static String json(AnchorReceipt receipt) {
        try {
            return JSON.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static AnchorReceipt receipt(String json) {
        try {
            return JSON.readValue(json, AnchorReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable anchor receipt", e);
        }
    }
}
