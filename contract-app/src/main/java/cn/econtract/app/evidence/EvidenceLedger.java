package cn.econtract.app.evidence;

import java.util.Optional;

/**
 * Port: where batch roots are anchored so that our own database is not the only witness. The
 * embedded default is {@link LocalLedger}; {@code fisco-bcos} anchors on a consortium chain.
 */
public interface EvidenceLedger {

    /** {@code local}, {@code fisco-bcos}: stored beside each receipt. */
    String name();

    /**
     * Anchors a batch root and answers the receipt. Idempotent: a root already anchored answers
     * its existing receipt, so a retried task never anchors twice.
     */
    default AnchorReceipt anchor(BatchHeader header) {
        return find(header).orElseGet(() -> write(header));
    }

    /** Writes a root the ledger does not hold yet (a race with another worker may still answer the winner's receipt). */
    AnchorReceipt write(BatchHeader header);

    /** The receipt for a batch if the ledger has it (verification re-reads the ledger). */
    Optional<AnchorReceipt> find(BatchHeader header);
}
