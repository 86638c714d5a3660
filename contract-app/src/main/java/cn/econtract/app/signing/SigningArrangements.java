package cn.econtract.app.signing;

import cn.econtract.app.approval.ApprovalTasks;
import cn.econtract.app.approval.EngineCalls;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 安排签署: the drafter names the signers of an approved contract — colleagues who sign in person,
 * our company seal (the seal custodians apply it after 用印审批), and the counterparty's signers,
 * who sign through an e-mailed link. The policy (order, factors, real-name check, seal approvers,
 * deadline, reminders) is what signing-policy.dmn decided for this contract; the approved PDF
 * becomes the revision everyone signs.
 */
@Service
public class SigningArrangements {

    static final String ARRANGE_TASK = "Task_Arrange";
    static final int MAX_SIGNERS = 10;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,}");

    private final SigningRepository repository;
    private final ContractService contracts;
    private final ContractDocuments documents;
    private final AccessService access;
    private final ApprovalTasks approvals;
    private final EngineCalls engine;
    private final TaskService tasks;
    private final OperationLogService log;
    private final SigningProperties properties;
    private final Clock clock;

    SigningArrangements(SigningRepository repository, ContractService contracts, ContractDocuments documents, AccessService access,
                        ApprovalTasks approvals, EngineCalls engine, TaskService tasks, OperationLogService log,
                        SigningProperties properties, Clock clock) {
        this.repository = repository;
        this.contracts = contracts;
        this.documents = documents;
        this.access = access;
        this.approvals = approvals;
        this.engine = engine;
        this.tasks = tasks;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One signer as the drafter names them. {@code party} OURS or COUNTERPARTY; {@code appearance}
     * SIGNATURE (a person) or SEAL (the organisation). A colleague by {@code userId}; a counterparty
     * by name, e-mail (the link goes there), phone, and for a real-name check their ID number.
     */
    public record SignerSpec(String party, String appearance, String userId, String name, String organisation, String email,
                             String phone, String idNumber) {
    }

    public record Arrangement(List<SignerSpec> signers) {
    }

    public record Arranged(String planId, int attempt, String order, int factorCount, boolean realName, Instant deadline,
                           boolean sealApprovalNeeded, List<String> signerIds, String documentSha256) {
    }

    @Transactional
    public Arranged arrange(String contractId, Arrangement request) {
        UserProfile me = access.currentUser();
        ContractService.Drafted drafted = contracts.drafted(contractId, Permission.CONTRACT_SUBMIT, OperationAction.SUBMIT);
        Contract contract = drafted.contract();
        Task task = approvals.visible(tasks.createTaskQuery().processInstanceBusinessKey(contractId)
                .taskDefinitionKey(ARRANGE_TASK), me).singleResult();
        if (task == null) {
            throw BusinessException.stateConflict("error.signing.notArrangeable", contract.contractNo(), contract.status());
        }
        Map<String, Object> policy = policy(task);
        boolean realName = Boolean.TRUE.equals(policy.get("realName"));
        List<Signer> signers = check(request, contract, realName);
        Instant now = clock.instant();
        ContractDocuments.Rendered source = documents.quoted(contractId);
        int attempt = repository.lastAttempt(contractId) + 1;
        SigningPlan plan = new SigningPlan(UUID.randomUUID().toString(), contractId, attempt,
                SigningPlan.SigningOrder.valueOf(String.valueOf(policy.get("signingOrder"))),
                ((Number) policy.get("factorCount")).intValue(), realName,
                now.plus(Duration.ofDays(((Number) policy.get("deadlineDays")).longValue())).truncatedTo(ChronoUnit.SECONDS),
                SigningPlan.Status.OPEN, source.sha256(), me.id(), now, null, null);
        repository.insert(plan);
        List<String> ids = new ArrayList<>();
        for (Signer s : signers) {
            Signer placed = new Signer(UUID.randomUUID().toString(), plan.id(), s.position(), s.party(), s.appearance(), s.displayName(),
                    s.organisation(), s.userId(), s.email(), s.phone(), s.idNumber(), Signer.Status.WAITING,
                    null, null, null, null, null, null, null, null, null);
            repository.insert(placed, null);
            ids.add(placed.id());
        }
        int revision = repository.latestRevision(contractId).map(r -> r.revision() + 1).orElse(0);
        repository.insertRevision(contractId, revision, plan.id(), "SOURCE", source.bytes(), now);
        contracts.transition(contractId, Set.of(ContractStatus.APPROVED), ContractStatus.SIGNING, me.id());
        boolean sealApproval = signers.stream().anyMatch(s -> !s.external() && s.organisationSigns());
        log.record(OperationRecord.success(me.id(), OperationAction.MODIFY, "contract", contractId)
                .withDetail("signing arranged, attempt " + attempt + ", " + signers.size() + " signers, " + plan.order()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("arrangement", "START");
        variables.put("signerIds", ids);
        variables.put("signingOrder", plan.order().name());
        variables.put("sealApprovalNeeded", sealApproval);
        variables.put("sealApprovers", String.valueOf(policy.get("sealApprovers")));
        variables.put("sealSummary", properties.organisation() + " 合同专用章");
        variables.put("signingDeadline", plan.deadline().toString());
        variables.put("signingReminder", String.valueOf(policy.get("reminder")));
        engine.as(me, () -> tasks.complete(task.getId(), variables));
        return new Arranged(plan.id(), attempt, plan.order().name(), plan.factorCount(), realName, plan.deadline(), sealApproval, ids,
                source.sha256());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> policy(Task task) {
        Object policy = tasks.getVariable(task.getId(), "signingPolicy");
        if (!(policy instanceof Map<?, ?> map) || map.get("signingOrder") == null) {
            throw new IllegalStateException("signing-policy.dmn gave no row for this contract");
        }
        return (Map<String, Object>) map;
    }

    private List<Signer> check(Arrangement request, Contract contract, boolean realName) {
        List<SignerSpec> specs = request == null || request.signers() == null ? List.of() : request.signers();
        List<FieldError> errors = new ArrayList<>();
        if (specs.isEmpty() || specs.size() > MAX_SIGNERS) {
            errors.add(new FieldError("signers", "error.signing.signerCount", MAX_SIGNERS));
        }
        List<Signer> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            SignerSpec s = specs.get(i);
            String f = "signers[" + i + "]";
            Signer.Party party = parse(Signer.Party.class, s == null ? null : s.party());
            Signer.Appearance appearance = parse(Signer.Appearance.class, s == null ? null : s.appearance());
            if (party == null) {
                errors.add(new FieldError(f + ".party", "error.signing.party"));
            }
            if (appearance == null) {
                errors.add(new FieldError(f + ".appearance", "error.signing.appearanceValue"));
            }
            if (party == null || appearance == null) {
                continue;
            }
            String email = blankToNull(s.email());
            String phone = blankToNull(s.phone());
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.add(new FieldError(f + ".email", "error.challenge.destination"));
            }
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(new FieldError(f + ".phone", "error.challenge.destination"));
            }
            String name;
            String organisation;
            String userId = null;
            if (party == Signer.Party.OURS && appearance == Signer.Appearance.SEAL) {
                name = properties.organisation();
                organisation = properties.organisation();
            } else if (party == Signer.Party.OURS) {
                userId = blankToNull(s.userId());
                UserProfile colleague = userId == null ? null : access.profile(userId);
                if (colleague == null || colleague.departments().isEmpty() && colleague.roles().isEmpty()) {
                    errors.add(new FieldError(f + ".userId", "error.signing.unknownUser"));
                    continue;
                }
                if (!colleague.canIn(Permission.CONTRACT_SIGN, contract.departmentId())) {
                    errors.add(new FieldError(f + ".userId", "error.signing.mayNotSign", userId));
                    continue;
                }
                name = colleague.displayName();
                organisation = properties.organisation();
                email = email == null ? colleague.email() : email;
            } else {
                name = blankToNull(s.name());
                organisation = appearance == Signer.Appearance.SEAL
                        ? (blankToNull(s.organisation()) == null ? contract.counterpartyName() : s.organisation().strip())
                        : blankToNull(s.organisation());
                if (name == null || name.length() > 64) {
                    errors.add(new FieldError(f + ".name", "error.signing.name"));
                }
                if (email == null) {
                    errors.add(new FieldError(f + ".email", "error.signing.emailRequired"));
                }
                if (appearance == Signer.Appearance.SEAL && (organisation == null || organisation.length() > 40)) {
                    errors.add(new FieldError(f + ".organisation", "error.seal.organisation"));
                }
                if (realName && (phone == null || !DemoRealNameVerifier.validId(s.idNumber()))) {
                    errors.add(new FieldError(f + ".idNumber", "error.signing.realNameData"));
                }
            }
            if (party == Signer.Party.OURS && appearance == Signer.Appearance.SEAL
                    && out.stream().anyMatch(o -> !o.external() && o.organisationSigns())) {
                errors.add(new FieldError(f + ".appearance", "error.signing.sealTwice"));
            }
            out.add(new Signer(null, null, i + 1, party, appearance, name, organisation, userId, email, phone,
                    blankToNull(s.idNumber()), Signer.Status.WAITING, null, null, null, null, null, null, null, null, null));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
