package cn.econtract.app.evidence;

import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.kernel.BusinessException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Builds proofs from the stored entries and batches (the tree is rebuilt from the batch's entry hashes). */
@Service
public class EvidenceProofs {

    private final EvidenceRepository repository;
    private final ContractService contracts;

    EvidenceProofs(EvidenceRepository repository, ContractService contracts) {
        this.repository = repository;
        this.contracts = contracts;
    }

    /** A contract's proofs for a caller with {@code contract:view} in its department (else 404, like the contract). */
    public Readable readable(String contractId) {
        Contract contract = contracts.get(contractId);
        return new Readable(contract.contractNo(), proofsOf(contractId));
    }

    public record Readable(String contractNo, List<EvidenceProof> proofs) {
    }

    /** One proof of the contract's, for a caller who may read the contract; an entry of another contract is a 404. */
    public EvidenceProof readable(String contractId, long seq) {
        contracts.get(contractId);
        EvidenceProof proof = proof(seq);
        if (!proof.entry().contractId().equals(contractId)) {
            throw BusinessException.notFound("evidence entry", seq);
        }
        return proof;
    }

    public EvidenceProof proof(long seq) {
        EvidenceEntry entry = repository.entry(seq).orElseThrow(() -> BusinessException.notFound("evidence entry", seq));
        Optional<EvidenceBatch> batch = repository.batchOf(seq);
        return batch.isEmpty() ? pending(entry) : proof(entry, batch.get(), tree(batch.get()));
    }

    /** Proofs for all of a contract's entries, each batch's tree built once. */
    public List<EvidenceProof> proofsOf(String contractId) {
        java.util.TreeMap<Long, EvidenceBatch> byFirstSeq = new java.util.TreeMap<>();
        repository.batchesOf(contractId).forEach(b -> byFirstSeq.put(b.firstSeq(), b));
        Map<Long, MerkleTree> trees = new java.util.HashMap<>();
        List<EvidenceProof> proofs = new ArrayList<>();
        for (EvidenceEntry entry : repository.ofContract(contractId)) {
            Map.Entry<Long, EvidenceBatch> candidate = byFirstSeq.floorEntry(entry.seq());
            EvidenceBatch batch = candidate == null || candidate.getValue().lastSeq() < entry.seq() ? null : candidate.getValue();
            proofs.add(batch == null ? pending(entry)
                    : proof(entry, batch, trees.computeIfAbsent(batch.batchNo(), n -> tree(batch))));
        }
        return proofs;
    }

    public List<EvidenceEntry> entriesOf(String contractId) {
        return repository.ofContract(contractId);
    }

    public List<EvidenceBatch> batchesOf(String contractId) {
        return repository.batchesOf(contractId);
    }

    private MerkleTree tree(EvidenceBatch batch) {
        return new MerkleTree(repository.range(batch.firstSeq(), batch.lastSeq()).stream().map(EvidenceHashing::leaf).toList());
    }

    private static EvidenceProof pending(EvidenceEntry entry) {
        return new EvidenceProof(EvidenceProof.FORMAT, EvidenceProof.Status.PENDING, entry, null, null, null, null);
    }

    private static EvidenceProof proof(EvidenceEntry entry, EvidenceBatch batch, MerkleTree tree) {
        InclusionProof inclusion = tree.proof((int) (entry.seq() - batch.firstSeq()));
        HexFormat hex = HexFormat.of();
        return new EvidenceProof(EvidenceProof.FORMAT,
                batch.anchored() && batch.timestampToken() != null ? EvidenceProof.Status.ANCHORED : EvidenceProof.Status.SEALED,
                entry, new EvidenceProof.Batch(batch.batchNo(), batch.firstSeq(), batch.lastSeq(), batch.merkleRoot(), batch.sealedAt()),
                new EvidenceProof.Inclusion(inclusion.index(), inclusion.size(), inclusion.path().stream().map(hex::formatHex).toList()),
                batch.timestampToken(), batch.anchorReceipt() == null ? null : BatchAnchoring.receipt(batch.anchorReceipt()));
    }
}
