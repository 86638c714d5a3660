package cn.econtract.app.evidence;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to show, without our server, that an entry existed no later than its batch's
 * time-stamp and is the one anchored: the entry's fields (its hash recomputes from them), the
 * audit path to the batch's Merkle root, the RFC 3161 token over that root, and the ledger receipt.
 * {@code status}: PENDING (not yet in a batch), SEALED (in a batch, not yet time-stamped and
 * anchored), ANCHORED (complete).
 */
public record EvidenceProof(String format, Status status, EvidenceEntry entry, Batch batch, Inclusion inclusion,
                            String timestampToken, AnchorReceipt anchor) {

    public static final String FORMAT = "econtract-evidence-proof/1";

    public enum Status { PENDING, SEALED, ANCHORED }

    public record Batch(long batchNo, long firstSeq, long lastSeq, String merkleRoot, Instant sealedAt) {
    }

    /** RFC 6962 audit path: sibling hashes (hex) from the leaf upwards. */
    public record Inclusion(int leafIndex, int treeSize, List<String> path) {
    }
}
