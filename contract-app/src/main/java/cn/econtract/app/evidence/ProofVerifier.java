package cn.econtract.app.evidence;

import cn.econtract.app.timestamp.TimeStampTokens;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks one proof with nothing but the proof (and, if given, the TSA certificate the checker
 * trusts): no database, no network. Used by the offline command and by the server before it hands
 * a proof out. Every step is reported, in Chinese and English, so an expert can follow it.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** One step of the check; {@code ok} false fails the proof, {@code info} steps never do. */
    public record Step(boolean ok, boolean info, String zh, String en) {

        static Step pass(String zh, String en) {
            return new Step(true, false, zh, en);
        }

        static Step fail(String zh, String en) {
            return new Step(false, false, zh, en);
        }

        static Step note(String zh, String en) {
            return new Step(true, true, zh, en);
        }
    }

    public record Report(long seq, List<Step> steps) {
        public boolean valid() {
            return steps.stream().allMatch(Step::ok);
        }
    }

    public static Report verify(EvidenceProof proof, X509Certificate trustedTsa) {
        List<Step> steps = new ArrayList<>();
        EvidenceEntry entry = proof.entry();
        if (!EvidenceProof.FORMAT.equals(proof.format()) || entry == null) {
            steps.add(Step.fail("不是本平台的存证证明文件", "not an econtract evidence proof"));
            return new Report(entry == null ? -1 : entry.seq(), steps);
        }
        String recomputed = EvidenceHashing.entryHash(entry);
        if (recomputed.equals(entry.entryHash())) {
            steps.add(Step.pass("事件 #" + entry.seq() + " 的哈希可由其内容重新算出", "entry #" + entry.seq() + " hash recomputes from its fields"));
        } else {
            steps.add(Step.fail("事件 #" + entry.seq() + " 的内容与其哈希不符（已被改动）",
                    "entry #" + entry.seq() + " does not match its hash (changed): " + recomputed));
        }
        if (proof.status() == EvidenceProof.Status.PENDING || proof.batch() == null || proof.inclusion() == null) {
            steps.add(Step.fail("该事件尚未封存进批次，暂无默克尔证明", "entry not yet sealed in a batch: no inclusion proof"));
            return new Report(entry.seq(), steps);
        }
        HexFormat hex = HexFormat.of();
        byte[] root = hex.parseHex(proof.batch().merkleRoot());
        InclusionProof inclusion = new InclusionProof(proof.inclusion().leafIndex(), proof.inclusion().treeSize(),
                proof.inclusion().path().stream().map(hex::parseHex).toList(), root);
        if (entry.seq() - proof.batch().firstSeq() == proof.inclusion().leafIndex()
                && inclusion.verify(hex.parseHex(entry.entryHash()))) {
            steps.add(Step.pass("默克尔路径把事件连到批次 " + proof.batch().batchNo() + " 的根 " + proof.batch().merkleRoot(),
                    "audit path leads to the root of batch " + proof.batch().batchNo()));
        } else {
            steps.add(Step.fail("默克尔路径不能连到批次根：事件或批次已被改动",
                    "audit path does not lead to the batch root: entry or batch changed"));
        }
        timestamp(proof, root, trustedTsa, steps);
        anchor(proof, steps);
        return new Report(entry.seq(), steps);
    }

    private static void timestamp(EvidenceProof proof, byte[] root, X509Certificate trustedTsa, List<Step> steps) {
        if (proof.timestampToken() == null) {
            steps.add(Step.fail("批次根尚无可信时间戳", "batch root has no time-stamp yet"));
            return;
        }
        TimeStampTokens.Check check = TimeStampTokens.verify(Base64.getDecoder().decode(proof.timestampToken()), root);
        if (!check.valid()) {
            steps.add(Step.fail("时间戳无效：" + check.problem(), "time-stamp invalid: " + check.problem()));
            return;
        }
        steps.add(Step.pass("RFC 3161 时间戳有效：批次根在 " + check.time() + " 之前已存在（签发者 " + check.tsa() + "）",
                "RFC 3161 token valid: root existed by " + check.time() + " (TSA " + check.tsa() + ")"));
        if (trustedTsa != null) {
            if (check.tsaCertificate().equals(trustedTsa)) {
                steps.add(Step.pass("时间戳由您信任的时间戳机构证书签发", "token signed by the TSA certificate you trust"));
            } else {
                steps.add(Step.fail("时间戳并非由您指定信任的时间戳机构签发", "token not signed by the TSA certificate you trust"));
            }
        } else {
            steps.add(Step.note("未指定信任的时间戳证书：请核对签发者是否为您认可的机构（--tsa-cert）",
                    "no trusted TSA certificate given: check the issuer is one you accept (--tsa-cert)"));
        }
    }

    private static void anchor(EvidenceProof proof, List<Step> steps) {
        AnchorReceipt receipt = proof.anchor();
        if (receipt == null) {
            steps.add(Step.fail("批次根尚未上链锚定", "batch root not anchored yet"));
            return;
        }
        if (!MessageDigest.isEqual(receipt.merkleRoot().getBytes(), proof.batch().merkleRoot().getBytes())) {
            steps.add(Step.fail("锚定回执中的根与批次根不符", "anchor receipt is for another root"));
            return;
        }
        BatchHeader header = new BatchHeader(proof.batch().batchNo(), proof.batch().firstSeq(), proof.batch().lastSeq(),
                proof.batch().merkleRoot());
        if (LocalLedger.NAME.equals(receipt.ledger())) {
            String problem = LedgerBlocks.problem(receipt, header);
            if (problem == null) {
                steps.add(Step.pass("本地账本第 " + receipt.fields().get("height") + " 块记录了该批次根，签名有效",
                        "local ledger block " + receipt.fields().get("height") + " holds the root, signature valid"));
            } else {
                steps.add(Step.fail("本地账本回执无效：" + problem, "local ledger receipt invalid: " + problem));
            }
        } else {
            var f = receipt.fields();
            steps.add(Step.note("区块链回执：链 " + f.get("chainId") + " 群组 " + f.get("group") + " 合约 " + f.get("contractAddress")
                            + " 交易 " + f.getOrDefault("transactionHash", "-") + " 区块 " + f.getOrDefault("blockNumber", "-")
                            + "；请在链上调用 lookup(0x" + receipt.merkleRoot() + ") 核对（离线无法查链）",
                    "chain receipt (" + receipt.ledger() + "): call lookup(0x" + receipt.merkleRoot() + ") on contract "
                            + f.get("contractAddress") + " to confirm; an offline check cannot reach the chain"));
        }
    }
}
