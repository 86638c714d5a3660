package cn.econtract.app.evidence;

import cn.econtract.app.contract.ContractService;
import cn.econtract.app.timestamp.TimeStampTokens;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Walks the whole trail and names the first entry that does not hold. Per entry: the sequence has
 * no gap, it links to its predecessor, its hash recomputes, and the contract version it quotes is
 * still stored and still hashes to the quoted value. Per batch: the root recomputes from its
 * entries, the time-stamp covers that root, and the ledger still holds a valid receipt for it. An
 * entry edited together with every later hash is still caught by its batch: the root no longer
 * matches what was time-stamped and anchored.
 */
@Service
public class EvidenceVerification {

    private final EvidenceRepository repository;
    private final EvidenceLedger ledger;
    private final ContractService contracts;

    EvidenceVerification(EvidenceRepository repository, EvidenceLedger ledger, ContractService contracts) {
        this.repository = repository;
        this.ledger = ledger;
        this.contracts = contracts;
    }

    public TrailVerification verify() {
        Walk walk = new Walk(repository.batches().iterator());
        repository.forEachInOrder(walk::accept);
        if (walk.broken != null) {
            return walk.broken;
        }
        if (walk.batch != null) {
            return TrailVerification.broken(walk.entries, walk.batches, walk.batch.firstSeq(),
                    "batch " + walk.batch.batchNo() + " covers entries " + walk.batch.firstSeq() + "–" + walk.batch.lastSeq()
                            + " but the trail ends at " + (walk.expectedSeq - 1) + " (entries removed)");
        }
        if (ledger instanceof LocalLedger local) {
            java.util.Optional<String> chain = local.chainProblem();
            if (chain.isPresent()) {
                return TrailVerification.brokenLedger(walk.entries, walk.batches, chain.get());
            }
        }
        long head = repository.head().lastSeq();
        if (head != walk.expectedSeq - 1) {
            return TrailVerification.broken(walk.entries, walk.batches, Math.min(head, walk.expectedSeq),
                    "the chain head says " + head + " entries, " + (walk.expectedSeq - 1) + " are present (entries removed)");
        }
        return TrailVerification.ok(walk.entries, walk.batches);
    }

    /** One pass over the entries in order (streamed, never all in memory), closing each batch as its last entry passes. */
    private final class Walk {

        private final Iterator<EvidenceBatch> remaining;
        private final List<byte[]> leaves = new ArrayList<>();
        private final Map<String, ContractService.StoredVersion> versions = new HashMap<>();
        private EvidenceBatch batch;
        private long entries;
        private long batches;
        private long expectedSeq = 1;
        private String expectedPrev = EvidenceHashing.GENESIS;
        private TrailVerification broken;

        Walk(Iterator<EvidenceBatch> batches) {
            this.remaining = batches;
            this.batch = batches.hasNext() ? batches.next() : null;
        }

        void accept(EvidenceEntry e) {
            if (broken != null) {
                return;
            }
            entries++;
            String problem = entryProblem(e);
            if (problem != null) {
                broken = TrailVerification.broken(entries, batches, e.seq() != expectedSeq ? expectedSeq : e.seq(), problem);
                return;
            }
            expectedSeq = e.seq() + 1;
            expectedPrev = e.entryHash();
            if (batch != null && e.seq() >= batch.firstSeq()) {
                leaves.add(EvidenceHashing.leaf(e));
                if (e.seq() == batch.lastSeq()) {
                    batches++;
                    String batchProblem = batchProblem(batch, leaves);
                    if (batchProblem != null) {
                        broken = TrailVerification.broken(entries, batches, batch.firstSeq(), batchProblem);
                        return;
                    }
                    leaves.clear();
                    batch = remaining.hasNext() ? remaining.next() : null;
                }
            }
        }

        private String entryProblem(EvidenceEntry e) {
            if (e.seq() != expectedSeq) {
                return "entry " + expectedSeq + " is missing (next present is " + e.seq() + ")";
            }
            if (!e.prevHash().equals(expectedPrev)) {
                return "entry " + e.seq() + " does not link to its predecessor (removed or reordered)";
            }
            if (!EvidenceHashing.entryHash(e).equals(e.entryHash())) {
                return "entry " + e.seq() + " (" + e.type() + ", contract " + e.contractId() + ") was changed after it was written";
            }
            return documentProblem(e, versions);
        }
    }

    private String documentProblem(EvidenceEntry e, Map<String, ContractService.StoredVersion> cache) {
        if (e.version() == null || e.documentHash() == null) {
            return null;
        }
        ContractService.StoredVersion stored = cache.computeIfAbsent(e.contractId() + "/" + e.version(),
                k -> contracts.storedVersion(e.contractId(), e.version()));
        if (stored.problem() != null) {
            return "entry " + e.seq() + ": contract " + e.contractId() + " " + stored.problem();
        }
        if (!e.documentHash().equals(stored.recordedHash()) || !stored.recordedHash().equals(stored.recomputedHash())) {
            return "entry " + e.seq() + ": stored version " + e.version() + " of contract " + e.contractId()
                    + " no longer matches the document hash the entry proves";
        }
        return null;
    }

    private String batchProblem(EvidenceBatch batch, List<byte[]> leaves) {
        String root = HexFormat.of().formatHex(new MerkleTree(leaves).root());
        String range = "batch " + batch.batchNo() + " (entries " + batch.firstSeq() + "–" + batch.lastSeq() + ")";
        if (!root.equals(batch.merkleRoot())) {
            return range + " no longer matches its sealed root: an entry in it was rewritten";
        }
        if (batch.timestampToken() != null) {
            TimeStampTokens.Check check = TimeStampTokens.verify(Base64.getDecoder().decode(batch.timestampToken()),
                    HexFormat.of().parseHex(root));
            if (!check.valid()) {
                return range + ": time-stamp does not cover its root (" + check.problem() + ")";
            }
        }
        if (batch.anchorReceipt() != null) {
            BatchHeader header = new BatchHeader(batch.batchNo(), batch.firstSeq(), batch.lastSeq(), root);
            AnchorReceipt stored = BatchAnchoring.receipt(batch.anchorReceipt());
            if (!root.equals(stored.merkleRoot())) {
                return range + ": anchor receipt is for another root";
            }
            if (ledger.name().equals(batch.ledger())) {
                AnchorReceipt onLedger = ledger.find(header).orElse(null);
                if (onLedger == null) {
                    return range + ": the " + ledger.name() + " ledger no longer holds its root";
                }
                if (LocalLedger.NAME.equals(onLedger.ledger()) && LedgerBlocks.problem(onLedger, header) != null) {
                    return range + ": ledger block invalid (" + LedgerBlocks.problem(onLedger, header) + ")";
                }
            }
        }
        return null;
    }
}
