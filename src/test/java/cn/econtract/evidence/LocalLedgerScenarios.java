package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.AnchorReceipt;
import cn.econtract.app.evidence.BatchHeader;
import cn.econtract.app.evidence.EvidenceLedger;
import cn.econtract.app.evidence.LedgerBlocks;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The local ledger (embedded default) through the shared suite, plus what only it promises. */
abstract class LocalLedgerScenarios extends EvidenceLedgerContract {

    @Autowired
    EvidenceLedger ledger;

    @Override
    EvidenceLedger ledger() {
        return ledger;
    }

    @Test
    void eachBlockLinksToThePreviousAndItsSignatureVerifiesFromTheReceiptAlone() {
        AnchorReceipt a = ledger.anchor(header());
        BatchHeader second = header();
        AnchorReceipt b = ledger.anchor(second);
        assertThat(Long.parseLong(b.fields().get("height"))).isGreaterThan(Long.parseLong(a.fields().get("height")));
        assertThat(LedgerBlocks.problem(b, second)).isNull();
        assertThat(ledger.anchor(second).fields()).as("anchored once: the same block again").isEqualTo(b.fields());

        Map<String, String> forged = new TreeMap<>(b.fields());
        forged.put("recordedAt", "2020-01-01T00:00:00Z");
        assertThat(LedgerBlocks.problem(new AnchorReceipt(b.ledger(), b.merkleRoot(), forged), second)).contains("block hash");
        BatchHeader otherRoot = new BatchHeader(second.batchNo(), second.firstSeq(), second.lastSeq(), "00".repeat(32));
        assertThat(LedgerBlocks.problem(b, otherRoot)).isNotNull();
    }
}
