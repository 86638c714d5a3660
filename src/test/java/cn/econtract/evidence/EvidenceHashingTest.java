package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.EvidenceEntry;
import cn.econtract.app.evidence.EvidenceHashing;
import cn.econtract.app.kernel.ContractEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The entry hash is what the package guide tells a court expert to recompute by hand: this pins
 * the byte form to the guide's description, so a change to either is caught.
 */
class EvidenceHashingTest {

    private static final EvidenceEntry ENTRY = new EvidenceEntry(42, ContractEvent.Type.APPROVED,
            "6f1c1f0e-8a35-4a51-9b8e-0d5c2b7e1a10", "manager", Instant.parse("2026-11-29T02:30:00.120Z"), 2,
            "a".repeat(64), "round 1 level 10 同意\n采购", "b".repeat(64), null);

    @Test
    void theHashIsSha256OverTheLinesTheGuideDescribes() throws Exception {
        String byHand = "econtract-evidence/1\n"
                + "seq=42\n"
                + "type=APPROVED\n"
                + "contract=6f1c1f0e-8a35-4a51-9b8e-0d5c2b7e1a10\n"
                + "actor=manager\n"
                + "time=2026-11-29T02:30:00.120Z\n"
                + "version=2\n"
                + "document=" + "a".repeat(64) + "\n"
                + "detail=round 1 level 10 同意\\n采购\n"
                + "prev=" + "b".repeat(64) + "\n";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(byHand.getBytes(StandardCharsets.UTF_8)));
        assertThat(EvidenceHashing.canonical(ENTRY)).isEqualTo(byHand);
        assertThat(EvidenceHashing.entryHash(ENTRY)).isEqualTo(expected);
    }

    @Test
    void aLineBreakInAFieldCannotForgeAnotherField() {
        EvidenceEntry sneaky = new EvidenceEntry(42, ContractEvent.Type.APPROVED, ENTRY.contractId(), "manager",
                ENTRY.occurredAt(), 2, ENTRY.documentHash(), "x\nprev=" + "c".repeat(64), ENTRY.prevHash(), null);
        assertThat(EvidenceHashing.canonical(sneaky).lines().filter(l -> l.startsWith("prev="))).hasSize(1);
        assertThat(EvidenceHashing.entryHash(sneaky)).isNotEqualTo(EvidenceHashing.entryHash(ENTRY));
    }

    @Test
    void anEmptyVersionAndDocumentAreEmptyValuesNotTheWordNull() {
        EvidenceEntry bare = new EvidenceEntry(1, ContractEvent.Type.DELETED, "c", "system", ENTRY.occurredAt(), null, null,
                null, EvidenceHashing.GENESIS, null);
        assertThat(EvidenceHashing.canonical(bare)).contains("\nversion=\n", "\ndocument=\n", "\ndetail=\n").doesNotContain("null");
    }
}
