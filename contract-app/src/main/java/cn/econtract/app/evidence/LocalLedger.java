package cn.econtract.app.evidence;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Embedded default ledger: signed batch headers in a hash chain in our own database (append-only
 * on PostgreSQL). It proves order and integrity against everyone but whoever holds the database and
 * the ledger key at once; the RFC 3161 token and FISCO BCOS are the witnesses outside.
 */
public class LocalLedger implements EvidenceLedger {

    static final String NAME = "local";
    static final String PURPOSE = "evidence-ledger";

    private final LedgerRepository blocks;
    private final KeyEncryptionKeyProvider keys;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LocalLedger(LedgerRepository blocks, KeyEncryptionKeyProvider keys, Clock clock, TransactionTemplate transaction) {
        this.blocks = blocks;
        this.keys = keys;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AnchorReceipt write(BatchHeader header) {
        try {
            return transaction.execute(status -> {
                LedgerRepository.Block last = blocks.lockLast();
                long height = last.height() + 1;
                String recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
                String hash = LedgerBlocks.blockHash(height, header, recordedAt, last.blockHash());
                String signature = Base64.getEncoder().encodeToString(
                        keys.sign(PURPOSE, hash.getBytes(StandardCharsets.US_ASCII)));
                LedgerRepository.Block block = new LedgerRepository.Block(height, header.batchNo(), header.firstSeq(),
                        header.lastSeq(), header.merkleRoot(), recordedAt, last.blockHash(), hash, signature);
                blocks.insert(block);
                return receipt(block, header);
            });
        } catch (DuplicateKeyException e) {
            // another worker anchored this batch first: answer its block
            return find(header).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<AnchorReceipt> find(BatchHeader header) {
        return blocks.ofBatch(header.batchNo()).map(b -> receipt(b, header));
    }

    /**
     * Walks every block in height order: heights without gaps, each linked to the one before, each
     * hash recomputing from its own fields and each signature valid. Empty when the chain holds.
     */
    public java.util.Optional<String> chainProblem() {
        String previous = EvidenceHashing.GENESIS;
        long expected = 1;
        for (LedgerRepository.Block block : blocks.all()) {
            if (block.height() != expected) {
                return java.util.Optional.of("ledger block " + expected + " is missing");
            }
            if (!block.prevHash().equals(previous)) {
                return java.util.Optional.of("ledger block " + block.height() + " does not link to block " + (expected - 1));
            }
            String problem = LedgerBlocks.problem(receipt(block, block.header()), block.header());
            if (problem != null) {
                return java.util.Optional.of("ledger block " + block.height() + ": " + problem);
            }
            previous = block.blockHash();
            expected++;
        }
        return java.util.Optional.empty();
    }

    private AnchorReceipt receipt(LedgerRepository.Block block, BatchHeader header) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("batchNo", String.valueOf(block.batchNo()));
        fields.put("height", String.valueOf(block.height()));
        fields.put("recordedAt", block.recordedAt());
        fields.put("prevHash", block.prevHash());
        fields.put("blockHash", block.blockHash());
        fields.put("signature", block.signature());
        try {
            fields.put("certificate", Base64.getEncoder().encodeToString(keys.signingCertificate(PURPOSE).getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("ledger certificate not encodable", e);
        }
        return new AnchorReceipt(NAME, block.merkleRoot(), fields);
    }
}
