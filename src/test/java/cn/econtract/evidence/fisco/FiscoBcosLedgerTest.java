package cn.econtract.evidence.fisco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.evidence.AnchorReceipt;
import cn.econtract.app.evidence.BatchHeader;
import cn.econtract.app.evidence.fisco.FiscoBcosException;
import cn.econtract.app.evidence.fisco.FiscoBcosLedger;
import cn.econtract.app.evidence.fisco.FiscoBcosProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.junit.jupiter.api.Test;

/**
 * The FISCO BCOS adapter up to the SDK's network boundary: the ABI bytes it sends (checked against
 * an encoding computed here by hand from the Solidity ABI spec), receipts, reverts, retries and the
 * decoding of look-ups. The real-chain run is {@code FiscoBcosChainIT}.
 */
class FiscoBcosLedgerTest {

    private static final String ROOT = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private static final BatchHeader HEADER = new BatchHeader(7, 1001, 1256, ROOT);
    private static final String NOT_FOUND = "0x" + "0".repeat(64 * 4);

    private final ScriptedChain chain = new ScriptedChain();
    private final FiscoBcosLedger ledger = new FiscoBcosLedger(chain,
            new FiscoBcosProperties(null, "group0", "0x" + "c0".repeat(20), 3, Duration.ZERO));

    @Test
    void anchorCallIsTheSolidityAbiEncodingOfRootBatchAndRange() {
        chain.answers.add(() -> NOT_FOUND);
        chain.sends.add(() -> ScriptedChain.receipt(0, "0x"));
        ledger.anchor(HEADER);

        String expected = selector("anchor(bytes32,uint64,uint64,uint64)") + ROOT + word(7) + word(1001) + word(1256);
        assertThat(HexFormat.of().formatHex(chain.sent.get(0))).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(chain.calls.get(0))).isEqualTo(selector("lookup(bytes32)") + ROOT);
    }

    @Test
    void aSuccessfulReceiptBecomesTheAnchorReceipt() {
        chain.answers.add(() -> NOT_FOUND);
        chain.sends.add(() -> ScriptedChain.receipt(0, "0x"));
        AnchorReceipt receipt = ledger.anchor(HEADER);

        assertThat(receipt.ledger()).isEqualTo("fisco-bcos");
        assertThat(receipt.merkleRoot()).isEqualTo(ROOT);
        assertThat(receipt.fields()).containsEntry("transactionHash", "0x" + "ab".repeat(32))
                .containsEntry("blockNumber", "4711").containsEntry("chainId", "chain0").containsEntry("group", "group0")
                .containsEntry("contractAddress", "0x" + "c0".repeat(20)).containsEntry("batchNo", "7");
    }

    @Test
    void aRootTheContractAlreadyHoldsIsAnsweredFromTheLookupWithoutSending() {
        chain.answers.add(() -> "0x" + word(7) + word(1001) + word(1256) + word(1_764_374_400_000L));
        AnchorReceipt receipt = ledger.anchor(HEADER);

        assertThat(chain.sent).isEmpty();
        assertThat(receipt.fields()).containsEntry("anchoredAtMillis", "1764374400000").containsEntry("lastSeq", "1256");
        chain.answers.add(() -> NOT_FOUND);
        assertThat(ledger.find(new BatchHeader(8, 1257, 1300, "ee".repeat(32)))).isEmpty();
    }

    @Test
    void alreadyAnchoredRevertFromARaceIsResolvedByTheLookup() {
        chain.answers.add(() -> NOT_FOUND);
        chain.sends.add(() -> ScriptedChain.receipt(16, revert("already anchored")));
        chain.answers.add(() -> "0x" + word(7) + word(1001) + word(1256) + word(42));
        assertThat(ledger.anchor(HEADER).fields()).containsEntry("anchoredAtMillis", "42");
    }

    @Test
    void anyOtherRevertFailsWithTheContractsReason() {
        chain.answers.add(() -> NOT_FOUND);
        chain.sends.add(() -> ScriptedChain.receipt(16, revert("not the owner")));
        assertThatThrownBy(() -> ledger.anchor(HEADER)).isInstanceOf(FiscoBcosException.class)
                .hasMessageContaining("not the owner").hasMessageContaining("status 16");
    }

    @Test
    void anUnreachableNodeIsRetriedThenTheTaskFails() {
        chain.answers.add(() -> NOT_FOUND);
        chain.sends.add(() -> {
            throw new IllegalStateException("connection refused");
        });
        chain.sends.add(() -> ScriptedChain.receipt(0, "0x"));
        assertThat(ledger.anchor(HEADER).fields()).containsKey("transactionHash");
        assertThat(chain.sent).hasSize(2);

        ScriptedChain down = new ScriptedChain();
        FiscoBcosLedger failing = new FiscoBcosLedger(down, new FiscoBcosProperties(null, null, "0x" + "c0".repeat(20), 3, Duration.ZERO));
        down.answers.add(() -> NOT_FOUND);
        for (int i = 0; i < 3; i++) {
            down.sends.add(() -> {
                throw new IllegalStateException("connection refused");
            });
        }
        assertThatThrownBy(() -> failing.anchor(HEADER)).isInstanceOf(FiscoBcosException.class)
                .hasMessageContaining("after 3 attempts").hasRootCauseMessage("connection refused");
        assertThat(down.sent).hasSize(3);
    }

    @Test
    void withoutAContractAddressTheLedgerRefusesToStart() {
        assertThatThrownBy(() -> new FiscoBcosLedger(chain, new FiscoBcosProperties(null, null, "", null, null)))
                .hasMessageContaining("contract-address");
    }

    @Test
    void theAbiInTheRepositoryMatchesTheSoliditySource() throws Exception {
        String sol = new String(FiscoBcosLedger.class.getResourceAsStream("/fisco/EvidenceAnchor.sol").readAllBytes(), StandardCharsets.UTF_8);
        String abi = new String(FiscoBcosLedger.class.getResourceAsStream("/fisco/EvidenceAnchor.abi").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sol).contains("function anchor(bytes32 root, uint64 batchNo, uint64 firstSeq, uint64 lastSeq)",
                "function lookup(bytes32 root)");
        assertThat(abi).contains("\"name\":\"anchor\"", "\"name\":\"lookup\"", "\"name\":\"Anchored\"");
        assertThat(new String(FiscoBcosLedger.class.getResourceAsStream("/fisco/EvidenceAnchor.bin").readAllBytes(),
                StandardCharsets.US_ASCII)).matches("[0-9a-f]+\\s*");
    }

    private static String selector(String signature) {
        Keccak.Digest256 keccak = new Keccak.Digest256();
        return HexFormat.of().formatHex(keccak.digest(signature.getBytes(StandardCharsets.US_ASCII))).substring(0, 8);
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }

    private static String revert(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        String padded = HexFormat.of().formatHex(text) + "0".repeat((32 - text.length % 32) % 32 * 2);
        return "0x08c379a0" + word(32) + word(text.length) + padded;
    }
}
