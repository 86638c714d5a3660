package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.AnchorReceipt;
import cn.econtract.app.evidence.BatchHeader;
import cn.econtract.app.evidence.EvidenceLedger;
import cn.econtract.app.kernel.Sha256;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every evidence ledger must do, run against each adapter on the real thing: the local ledger
 * on H2 and on PostgreSQL, FISCO BCOS on a chain when one is configured. Batch numbers here are
 * negative so they never meet the application's own batches in the same database.
 */
abstract class EvidenceLedgerContract {

    abstract EvidenceLedger ledger();

    static BatchHeader header() {
        long no = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        return new BatchHeader(no, 1, 3, Sha256.hex(UUID.randomUUID().toString()));
    }

    @Test
    void aRootIsAnchoredOnceAndFoundAgain() {
        BatchHeader header = header();
        assertThat(ledger().find(header)).isEmpty();
        AnchorReceipt receipt = ledger().anchor(header);
        assertThat(receipt.ledger()).isEqualTo(ledger().name());
        assertThat(receipt.merkleRoot()).isEqualTo(header.merkleRoot());
        assertThat(ledger().find(header)).isPresent();
        assertThat(ledger().find(header).get().merkleRoot()).isEqualTo(header.merkleRoot());
    }

    @Test
    void anchoringTheSameBatchAgainAnswersTheFirstReceipt() {
        BatchHeader header = header();
        AnchorReceipt first = ledger().anchor(header);
        AnchorReceipt again = ledger().anchor(header);
        assertThat(again.merkleRoot()).isEqualTo(first.merkleRoot());
        assertThat(again.fields()).containsEntry("batchNo", String.valueOf(header.batchNo()));
        assertThat(first.fields()).containsEntry("batchNo", String.valueOf(header.batchNo()));
    }

    @Test
    void anotherRootIsNotFound() {
        ledger().anchor(header());
        assertThat(ledger().find(header())).isEmpty();
    }
}
