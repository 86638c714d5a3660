package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.evidence.EvidenceEntry;
import cn.econtract.app.evidence.EvidenceProofs;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.Sha256;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Looks an uploaded PDF up among the signed revisions we recorded, for the verification page's "evidence found". */
@Service
class RecordedRevisions {

    private final SigningRepository repository;
    private final ContractService contracts;
    private final EvidenceProofs evidence;

    RecordedRevisions(SigningRepository repository, ContractService contracts, EvidenceProofs evidence) {
        this.repository = repository;
        this.contracts = contracts;
        this.evidence = evidence;
    }

    SignatureVerification.Evidence of(byte[] pdf) {
        String hash = Sha256.hex(pdf);
        Optional<SigningRepository.Revision> match = repository.revisionsWithHash(hash).stream()
                .filter(r -> !"SOURCE".equals(r.kind())).findFirst();
        if (match.isEmpty()) {
            return SignatureVerification.Evidence.NONE;
        }
        SigningRepository.Revision r = match.get();
        try {
            String contractNo = contracts.drafted(r.contractId(), Permission.CONTRACT_VIEW, OperationAction.VIEW).contract().contractNo();
            List<Long> entries = evidence.entriesOf(r.contractId()).stream()
                    .filter(e -> e.type() == ContractEvent.Type.SIGNED || e.type() == ContractEvent.Type.SEALED)
                    .map(EvidenceEntry::seq).toList();
            return new SignatureVerification.Evidence(true, contractNo, r.revision(), entries);
        } catch (BusinessException notTheirs) {
            return new SignatureVerification.Evidence(true, null, null, List.of());
        }
    }
}
