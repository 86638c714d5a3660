package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.Notifications;
import cn.econtract.app.notification.TextMessage;
import cn.econtract.delegates.signing.SignerSeat;
import cn.econtract.delegates.signing.SigningPort;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The application's side of contract-signing.bpmn and contract-signature.bpmn. */
@Service
class SigningFlow implements SigningPort {

    static final String SEAL_GROUP = "seal";

    private final SigningRepository repository;
    private final ContractService contracts;
    private final Notifications notifications;
    private final MessageGateway gateway;
    private final DirectoryService directory;
    private final SigningLinks links;
    private final SigningProperties properties;
    private final OperationLogService log;
    private final MessageSource messages;
    private final Clock clock;

    SigningFlow(SigningRepository repository, ContractService contracts, Notifications notifications, MessageGateway gateway,
                DirectoryService directory, SigningLinks links, SigningProperties properties,
                OperationLogService log, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.contracts = contracts;
        this.notifications = notifications;
        this.gateway = gateway;
        this.directory = directory;
        this.links = links;
        this.properties = properties;
        this.log = log;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public SignerSeat invite(String signerId) {
        Signer signer = repository.signer(signerId).orElseThrow();
        String contractId = repository.plan(signer.planId()).orElseThrow().contractId();
        String contractNo = contracts.header(contractId).contractNo();
        if (signer.external()) {
            link(signer, contractNo, "signing.link.invite");
            return new SignerSeat(null, List.of());
        }
        if (signer.organisationSigns()) {
            notifications.send(directory.members(SEAL_GROUP, null), "SIGNING_TASK", contractId, null,
                    text("notification.signing.seal", contractNo));
            return new SignerSeat(null, List.of(SEAL_GROUP));
        }
        notifications.send(List.of(signer.userId()), "SIGNING_TASK", contractId, null, text("notification.signing.invite", contractNo));
        return new SignerSeat(signer.userId(), List.of());
    }

    /** A fresh one-time link by e-mail; any earlier link of this signer stops working. */
    private void link(Signer signer, String contractNo, String key) {
        String token = links.newToken();
        repository.updateToken(signer.id(), links.mac(token));
        String url = properties.publicUrl() + "/sign/" + token;
        gateway.send(new TextMessage(TextMessage.Channel.EMAIL, signer.email(), text(key, contractNo, signer.displayName(), url)));
    }

    @Override
    public void taskOpened(String signerId, String taskId) {
        repository.taskOpened(signerId, taskId);
    }

    @Override
    public void remind(String signerId) {
        Signer signer = repository.signer(signerId).orElseThrow();
        if (signer.status() != Signer.Status.WAITING) {
            return;
        }
        String contractId = repository.plan(signer.planId()).orElseThrow().contractId();
        String contractNo = contracts.header(contractId).contractNo();
        if (signer.external()) {
            link(signer, contractNo, "signing.link.reminder");
        } else {
            List<String> to = signer.organisationSigns() ? directory.members(SEAL_GROUP, null) : List.of(signer.userId());
            notifications.send(to, "REMINDER", contractId, signer.taskId(), text("notification.signing.reminder", contractNo));
        }
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", contractId)
                .withDetail("signing reminder to signer " + signer.position()));
    }

    @Override
    public void arrangementChecked(String contractId, String arrangement, String note) {
        if ("CANCEL".equals(arrangement)) {
            if (note == null || note.isBlank()) {
                throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.signing.cancelReason");
            }
            return;
        }
        boolean arranged = "START".equals(arrangement) && repository.latestPlan(contractId)
                .filter(p -> p.status() == SigningPlan.Status.OPEN).isPresent();
        if (!arranged) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.signing.arrangeInUi");
        }
    }

    @Override
    public void sealDecided(String contractId, String taskId, String actor, String decision, String opinion) {
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.signing.sealDecision");
        }
        if ("REJECT".equals(decision) && (opinion == null || opinion.isBlank())) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "validation.approval.opinionRequired");
        }
        log.record(OperationRecord.success(actor, "APPROVE".equals(decision) ? OperationAction.APPROVE : OperationAction.REJECT,
                "seal-use", contractId).withDetail("用印审批 task " + taskId + (opinion == null ? "" : ": " + opinion.strip())));
        if ("REJECT".equals(decision)) {
            repository.latestPlan(contractId).filter(p -> p.status() == SigningPlan.Status.OPEN).ifPresent(p ->
                    repository.endPlan(p.id(), SigningPlan.Status.STOPPED, "SEAL_REFUSED: " + opinion.strip(), clock.instant()));
        }
    }

    @Override
    public void signerDone(String signerId) {
        Signer signer = repository.signer(signerId).orElseThrow();
        if (signer.status() == Signer.Status.WAITING) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.signing.signOnThePage");
        }
    }

    @Override
    public void stopped(String contractId) {
        SigningPlan plan = repository.latestPlan(contractId).orElseThrow();
        if (plan.status() == SigningPlan.Status.OPEN) {
            String reason = repository.signers(plan.id()).stream().filter(s -> s.status() == Signer.Status.REFUSED).findFirst()
                    .map(s -> "REFUSED: " + s.displayName() + ": " + s.refusalReason()).orElse("EXPIRED");
            repository.endPlan(plan.id(), SigningPlan.Status.STOPPED, reason, clock.instant());
        }
        String reason = repository.plan(plan.id()).orElseThrow().endReason();
        contracts.transition(contractId, Set.of(ContractStatus.SIGNING), ContractStatus.APPROVED, null);
        ContractService.Header header = contracts.header(contractId);
        notifications.send(List.of(header.createdBy()), "SIGNING_STOPPED", contractId, null,
                text("notification.signing.stopped", header.contractNo(), reason));
        log.record(OperationRecord.success(null, OperationAction.STATUS_CHANGE, "contract", contractId)
                .withDetail("signing attempt " + plan.attempt() + " stopped: " + reason));
    }

    @Override
    public void cancelled(String contractId, String actor, String reason) {
        repository.latestPlan(contractId).filter(p -> p.status() == SigningPlan.Status.OPEN)
                .ifPresent(p -> repository.endPlan(p.id(), SigningPlan.Status.CANCELLED, reason, clock.instant()));
        contracts.transition(contractId, Set.of(ContractStatus.APPROVED, ContractStatus.SIGNING), ContractStatus.TERMINATED, actor);
        log.record(OperationRecord.success(actor, OperationAction.STATUS_CHANGE, "contract", contractId)
                .withDetail("signing cancelled: " + reason));
    }

    @Override
    public void finished(String contractId) {
        SigningPlan plan = repository.latestPlan(contractId).orElseThrow();
        SigningRepository.Revision closing = repository.latestRevision(contractId).orElseThrow();
        if (!LongTermClosure.closes(closing, plan)) {
            // the model runs 长期验证 first; reaching here without it is a modelling error, not a user's
            throw new IllegalStateException("contract " + contractId + ": the signed document was not closed for the long term");
        }
        repository.endPlan(plan.id(), SigningPlan.Status.SIGNED, null, clock.instant());
        log.record(OperationRecord.success(null, OperationAction.SIGN, "contract", contractId)
                .withDetail("signing complete: validation data and archive time-stamp, revision " + closing.revision()));
        ContractService.Header header = contracts.header(contractId);
        notifications.send(List.of(header.createdBy()), "SIGNED", contractId, null, text("notification.signing.done", header.contractNo()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
