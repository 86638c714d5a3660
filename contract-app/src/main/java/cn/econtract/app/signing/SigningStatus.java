package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.Permission;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where a contract's signing stands, for whoever may view the contract (no contact data: only names and states). */
@Service
public class SigningStatus {

    private final SigningRepository repository;
    private final ContractService contracts;
    private final JdbcClient jdbc;

    SigningStatus(SigningRepository repository, ContractService contracts, JdbcClient jdbc) {
        this.repository = repository;
        this.contracts = contracts;
        this.jdbc = jdbc;
    }

    public record SignerState(int position, String party, String appearance, String name, String organisation, String status,
                              Instant signedAt, String authMethods, String certificateSerial, String refusalReason, String taskId) {
    }

    public record Attempt(int attempt, String order, int factorCount, boolean realName, Instant deadline, String status,
                          String endReason, List<SignerState> signers, String latestSha256) {
    }

    public List<Attempt> of(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        List<String> planIds = jdbc.sql("SELECT id FROM signing_plan WHERE contract_id = :c ORDER BY attempt").param("c", contractId)
                .query(String.class).list();
        String latest = repository.latestRevision(contractId).map(SigningRepository.Revision::sha256).orElse(null);
        return planIds.stream().map(id -> repository.plan(id).orElseThrow()).map(p -> new Attempt(p.attempt(), p.order().name(),
                p.factorCount(), p.realName(), p.deadline(), p.status().name(), p.endReason(),
                repository.signers(p.id()).stream().map(s -> new SignerState(s.position(), s.party().name(), s.appearance().name(),
                        s.displayName(), s.organisation(), s.status().name(), s.signedAt(), s.authMethods(), s.certificateSerial(),
                        s.refusalReason(), s.status() == Signer.Status.WAITING ? s.taskId() : null)).toList(), latest)).toList();
    }
}
