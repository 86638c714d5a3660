package cn.econtract.app.evidence;

import java.time.Instant;

/**
 * Entries {@code firstSeq..lastSeq} sealed under one Merkle root, with what proves the root
 * existed: an RFC 3161 token (DER, base64) and the ledger's receipt (JSON). Both arrive after
 * sealing, from the anchoring worker.
 */
public record EvidenceBatch(long batchNo, long firstSeq, long lastSeq, String merkleRoot, Instant sealedAt,
                            String timestampToken, Instant timestampedAt, String ledger, String anchorReceipt,
                            Instant anchoredAt) {

    public int size() {
        return (int) (lastSeq - firstSeq + 1);
    }

    public boolean anchored() {
        return anchorReceipt != null;
    }
}
