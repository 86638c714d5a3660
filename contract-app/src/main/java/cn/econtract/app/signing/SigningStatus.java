package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.Permission;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Where a contract's signing stands, for whoever may view the contract (no contact data: only names and states). */
@Service
public class SigningStatus {

    private final SigningRepository repository;
    private final ContractService contracts;
    SigningStatus(SigningRepository repository, ContractService contracts) {
        this.repository = repository;
        this.contracts = contracts;
    }

    public record SignerState(int position, String party, String appearance, String name, String organisation, String status,
                              Instant signedAt, String authMethods, String certificateSerial, String refusalReason, String taskId) {
    }

    public record Attempt(int attempt, String order, int factorCount, boolean realName, Instant deadline, String status,
                          String endReason, List<SignerState> signers, String latestSha256) {
    }

    public List<Attempt> of(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        String latest = repository.latestRevision(contractId).map(SigningRepository.Revision::sha256).orElse(null);
        return repository.plans(contractId).stream().map(p -> new Attempt(p.attempt(), p.order().name(),
                p.factorCount(), p.realName(), p.deadline(), p.status().name(), p.endReason(),
                repository.signers(p.id()).stream().map(s -> new SignerState(s.position(), s.party().name(), s.appearance().name(),
                        s.displayName(), s.organisation(), s.status().name(), s.signedAt(), s.authMethods(), s.certificateSerial(),
                        s.refusalReason(), s.status() == Signer.Status.WAITING ? s.taskId() : null)).toList(), latest)).toList();
    }
}
