package cn.econtract.app.approval;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.identity.Department;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.notification.Notifications;
import cn.econtract.delegates.EngineContext;
import cn.econtract.delegates.approval.ApprovalPort;
import cn.econtract.delegates.approval.LevelEffect;
import cn.econtract.delegates.approval.LevelPlan;
import cn.econtract.delegates.approval.TaskDecision;
import cn.econtract.delegates.lifecycle.LifecyclePort;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The application's side of the approval and lifecycle models: rounds, levels, decisions,
 * reminders, escalation and the contract's status. Called by the delegates; every state change
 * lands in the trail and the operation log in the engine's transaction.
 */
@Service
public class ApprovalFlow implements ApprovalPort, LifecyclePort {

    static final String PENDING = ApprovalRound.PENDING;
    private static final int MAX_OPINION = 2000;
    private static final Map<ContractStatus, Set<ContractStatus>> PHASE_FROM = Map.of(
            ContractStatus.IN_FORCE, Set.of(ContractStatus.APPROVED, ContractStatus.SIGNING),
            ContractStatus.COMPLETED, Set.of(ContractStatus.IN_FORCE));

    private final ApprovalRepository repository;
    private final ContractService contracts;
    private final DirectoryService directory;
    private final TaskService tasks;
    private final Notifications notifications;
    private final OperationLogService log;
    private final ApprovalProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    ApprovalFlow(ApprovalRepository repository, ContractService contracts, DirectoryService directory, TaskService tasks,
                 Notifications notifications, OperationLogService log, ApprovalProperties properties,
                 MessageSource messages, Clock clock) {
        this.repository = repository;
        this.contracts = contracts;
        this.directory = directory;
        this.tasks = tasks;
        this.notifications = notifications;
        this.log = log;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- rounds ---------------------------------------------------------------------------

    /**
     * Opens the next round for a contract that was checked submittable: the round row, the status
     * IN_APPROVAL, a trail step, and the process variables the models read.
     */
    Map<String, Object> openRound(ContractService.Drafted drafted, String actor) {
        Contract contract = drafted.contract();
        int round = repository.lastRoundNo(contract.id()) + 1;
        boolean resubmission = contract.status() == ContractStatus.RETURNED;
        if (resubmission) {
            ApprovalRound last = repository.round(contract.id(), round - 1).orElseThrow();
            if (contract.currentVersion() <= last.contractVersion()) {
                throw BusinessException.stateConflict("error.approval.notRevised", contract.contractNo(), last.contractVersion());
            }
        }
        Instant now = clock.instant();
        repository.insertRound(new ApprovalRound(contract.id(), round, null, contract.currentVersion(),
                drafted.version().contentHash(), actor, now, List.of(), PENDING, null));
        contracts.transition(contract.id(), Set.of(ContractStatus.DRAFT, ContractStatus.RETURNED), ContractStatus.IN_APPROVAL, actor);
        repository.append(new ApprovalStep(contract.id(), round, null, null, null, null, null,
                resubmission ? StepAction.RESUBMITTED : StepAction.SUBMITTED, actor, null, null,
                contract.currentVersion(), null, now), false);
        log.record(OperationRecord.success(actor, OperationAction.SUBMIT, "contract", contract.id())
                .withDetail(contract.contractNo() + " round " + round + " v" + contract.currentVersion()));
        contracts.event(ContractEvent.Type.SUBMITTED, contract.id(), actor, "round " + round);
        return roundVariables(contract, round, actor);
    }

    private Map<String, Object> roundVariables(Contract c, int round, String submitter) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contractId", c.id());
        v.put("contractNo", c.contractNo());
        v.put("title", c.title());
        v.put("contractType", c.contractType());
        v.put("department", c.departmentId());
        v.put("counterparty", c.counterpartyName());
        v.put("amount", c.amount() == null ? 0.0 : c.amount().doubleValue());
        v.put("amountText", c.amount() == null ? "—" : c.currency() + " " + new DecimalFormat("#,##0.00").format(c.amount()));
        v.put("standardClauseChanged", c.riskFlags().contains(ContractService.STANDARD_CLAUSE_CHANGED));
        v.put("newCounterparty", c.riskFlags().contains(ContractService.NEW_COUNTERPARTY));
        v.put("drafter", c.createdBy());
        v.put("submitter", submitter);
        v.put("round", round);
        v.put("contractVersion", c.currentVersion());
        v.put("slaReminder", properties.reminderAfter().toString());
        v.put("slaEscalation", properties.escalateAfter().toString());
        return v;
    }

    @Override
    public int planRoute(String contractId, int round, String processInstanceId, List<Map<String, Object>> decisionRows) {
        ApprovalRoute route = ApprovalRoute.fromDecision(decisionRows);
        if (route.levels().isEmpty()) {
            // an approval without approvers would pass every contract: refuse, so the submission fails visibly
            throw new BusinessException(ErrorCode.STATE_CONFLICT, "error.approval.noRoute", contractId);
        }
        repository.planRoute(contractId, round, processInstanceId, route.levels());
        return route.levels().size();
    }

    @Override
    public LevelPlan openLevel(String contractId, int round, int index) {
        ApprovalLevel level = round(contractId, round).route().get(index);
        String department = contracts.header(contractId).departmentId();
        List<String> candidates = new ArrayList<>();  // one entry per group or user, already scoped
        for (String group : level.candidateGroups()) {
            candidates.add(level.departmentScoped() ? scoped(group, department) : "group:" + group);
        }
        for (String user : level.candidateUsers()) {
            candidates.add("user:" + user);
        }
        List<String> slots = level.mode() == ApprovalMode.ANY_ONE
                ? List.of(String.join(",", new LinkedHashSet<>(candidates))) : List.copyOf(new LinkedHashSet<>(candidates));
        return new LevelPlan(level.level(), level.name(), level.mode().name(), slots);
    }

    /** The group's members in the contract's department; nobody there → the fallback group decides. */
    private String scoped(String group, String department) {
        List<String> members = directory.members(group, department);
        if (members.isEmpty()) {
            return "group:" + properties.fallbackGroup();
        }
        return String.join(",", members.stream().map(u -> "user:" + u).toList());
    }

    @Override
    public LevelEffect decide(TaskDecision d) {
        List<FieldError> errors = decisionErrors(d.decision(), d.opinion());
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors, errors.stream().map(e -> text(e.messageKey(), e.args()))
                    .reduce((a, b) -> a + " " + b).orElse(""));
        }
        ApprovalRound round = round(d.contractId(), d.round());
        StepAction action = StepAction.ofDecision(d.decision());
        String opinion = d.opinion() == null || d.opinion().isBlank() ? null : d.opinion().strip();
        repository.append(new ApprovalStep(d.contractId(), d.round(), d.level(), d.levelName(), d.mode(), d.taskId(),
                d.taskName(), action, d.actor(), null, opinion, round.contractVersion(),
                d.taskCreated() == null ? null : d.taskCreated().toInstant(), clock.instant()), true);
        log.record(OperationRecord.success(d.actor(), switch (action) {
            case APPROVED -> OperationAction.APPROVE;
            case REJECTED -> OperationAction.REJECT;
            default -> OperationAction.RETURN;
        }, "contract", d.contractId()).withDetail("round " + d.round() + " level " + d.level() + " task " + d.taskId()));
        contracts.event(switch (action) {
            case APPROVED -> ContractEvent.Type.APPROVED;
            case REJECTED -> ContractEvent.Type.REJECTED;
            default -> ContractEvent.Type.RETURNED;
        }, d.contractId(), d.actor(), "round " + d.round() + " level " + d.level() + (opinion == null ? "" : " " + opinion));
        return switch (action) {
            case REJECTED -> new LevelEffect("REJECTED", "REJECTED");
            case RETURNED -> new LevelEffect("RETURNED", "RETURNED");
            default -> new LevelEffect(ApprovalMode.ANY_ONE.name().equals(d.mode()) ? "APPROVED" : PENDING, PENDING);
        };
    }

    /** The rule both the engine (Tasklist) and our API apply: a decision, and an opinion to reject or return. */
    static List<FieldError> decisionErrors(String decision, String opinion) {
        List<FieldError> errors = new ArrayList<>();
        if (decision == null || !List.of("APPROVE", "REJECT", "RETURN").contains(decision)) {
            errors.add(new FieldError("decision", "validation.approval.decision"));
        } else if (!"APPROVE".equals(decision) && (opinion == null || opinion.isBlank())) {
            errors.add(new FieldError("opinion", "validation.approval.opinionRequired"));
        }
        if (opinion != null && opinion.length() > MAX_OPINION) {
            errors.add(new FieldError("opinion", "validation.maxLength", MAX_OPINION));
        }
        return errors;
    }

    @Override
    public void assigned(String contractId, int round, String taskId, String actor, String from, String to) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        StepAction action = to == null ? StepAction.RELEASED : to.equals(actor) ? StepAction.CLAIMED : StepAction.TRANSFERRED;
        Integer level = task == null ? null : (Integer) tasks.getVariable(taskId, "levelNumber");
        repository.append(new ApprovalStep(contractId, round, level, task == null ? null : (String) tasks.getVariable(taskId, "levelName"),
                null, taskId, task == null ? null : task.getName(), action, actor, to != null ? to : from, null,
                round(contractId, round).contractVersion(), task == null ? null : task.getCreateTime().toInstant(),
                clock.instant()), false);
        if (action == StepAction.TRANSFERRED) {
            log.record(OperationRecord.success(actor, OperationAction.TRANSFER, "contract", contractId)
                    .withDetail("task " + taskId + " " + from + " → " + to));
            notifications.send(List.of(to), "APPROVAL_TASK", contractId, taskId,
                    text("notification.approval.transferred", contractNo(contractId), actor));
        }
    }

    /**
     * 加签 happened (the task was added by {@link ApprovalTasks}): the trail step, with the round's
     * version and the time filled in here, the operation log, and a notice to the new approver.
     */
    void approverAdded(ApprovalStep added) {
        repository.append(new ApprovalStep(added.contractId(), added.round(), added.level(), added.levelName(), added.mode(),
                added.taskId(), added.taskName(), StepAction.APPROVER_ADDED, added.actor(), added.targetUser(), null,
                round(added.contractId(), added.round()).contractVersion(), null, clock.instant()), false);
        log.record(OperationRecord.success(added.actor(), OperationAction.ADD_APPROVER, "contract", added.contractId())
                .withDetail("level " + added.level() + " + " + added.targetUser()));
        notifications.send(List.of(added.targetUser()), "APPROVAL_TASK", added.contractId(), null,
                text("notification.approval.added", contractNo(added.contractId()), added.actor()));
    }

    @Override
    public void remind(String contractId, int round, String processInstanceId, int level) {
        Set<String> recipients = new LinkedHashSet<>();
        for (Task task : openTasks(processInstanceId)) {
            recipients.addAll(holders(task));
        }
        notifications.send(recipients, "REMINDER", contractId, null,
                text("notification.approval.reminder", contractNo(contractId), level));
        repository.append(new ApprovalStep(contractId, round, level, null, null, null, null, StepAction.REMINDED,
                EngineContext.SYSTEM, joined(recipients), null, round(contractId, round).contractVersion(), null, clock.instant()), false);
    }

    @Override
    public void escalate(String contractId, int round, String processInstanceId, int level) {
        Set<String> managers = new LinkedHashSet<>();
        for (Task task : openTasks(processInstanceId)) {
            Set<String> holders = holders(task);
            Set<String> theirManagers = new LinkedHashSet<>();
            for (String holder : holders) {
                for (Department department : directory.departmentsOf(holder)) {
                    directory.members("manager", department.id()).stream().filter(m -> !holders.contains(m))
                            .forEach(theirManagers::add);
                }
            }
            if (theirManagers.isEmpty()) {
                directory.members(properties.fallbackGroup(), null).stream().filter(m -> !holders.contains(m))
                        .forEach(theirManagers::add);
            }
            theirManagers.forEach(m -> tasks.addCandidateUser(task.getId(), m));
            managers.addAll(theirManagers);
        }
        notifications.send(managers, "ESCALATION", contractId, null,
                text("notification.approval.escalated", contractNo(contractId), level));
        repository.append(new ApprovalStep(contractId, round, level, null, null, null, null, StepAction.ESCALATED,
                EngineContext.SYSTEM, joined(managers), null, round(contractId, round).contractVersion(), null, clock.instant()), false);
    }

    @Override
    public String conclude(String contractId, int round, String outcome) {
        String result = PENDING.equals(outcome) ? "APPROVED" : outcome;
        if (!repository.endRound(contractId, round, result, clock.instant())) {
            throw BusinessException.stateConflict("error.approval.roundEnded", contractId, round);
        }
        contracts.transition(contractId, Set.of(ContractStatus.IN_APPROVAL), ContractStatus.valueOf(result), EngineContext.SYSTEM);
        ContractService.Header contract = contracts.header(contractId);
        notifications.send(new LinkedHashSet<>(List.of(contract.createdBy(), round(contractId, round).submittedBy())),
                "OUTCOME", contractId, null, text("notification.approval.outcome." + result, contract.contractNo()));
        return result;
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Override
    public Map<String, Object> resubmit(String contractId, String actor) {
        ContractService.Drafted drafted = contracts.registered(contractId);
        if (drafted.contract().status() != ContractStatus.RETURNED) {
            throw BusinessException.stateConflict("error.contract.notSubmittable", drafted.contract().contractNo(),
                    drafted.contract().status());
        }
        contracts.ensureSubmittable(drafted);
        return openRound(drafted, actor);
    }

    @Override
    public void withdrawn(String contractId, int round, String actor) {
        ApprovalRound current = round(contractId, round);
        repository.endRound(contractId, round, "WITHDRAWN", clock.instant());
        contracts.transition(contractId, Set.of(ContractStatus.IN_APPROVAL, ContractStatus.RETURNED), ContractStatus.DRAFT, actor);
        repository.append(new ApprovalStep(contractId, round, null, null, null, null, null, StepAction.WITHDRAWN, actor,
                null, null, current.contractVersion(), null, clock.instant()), false);
        log.record(OperationRecord.success(actor, OperationAction.WITHDRAW, "contract", contractId).withDetail("round " + round));
        contracts.event(ContractEvent.Type.WITHDRAWN, contractId, actor, "round " + round);
    }

    @Override
    public void reached(String contractId, String status, String actor) {
        ContractStatus to = ContractStatus.valueOf(status);
        contracts.transition(contractId, PHASE_FROM.getOrDefault(to, Set.of()), to, actor);
    }

    int currentRound(String contractId) {
        return repository.lastRoundNo(contractId);
    }

    String submitterOfCurrentRound(String contractId) {
        return repository.round(contractId, repository.lastRoundNo(contractId)).map(ApprovalRound::submittedBy).orElse(null);
    }

    // ---- helpers --------------------------------------------------------------------------

    private ApprovalRound round(String contractId, int round) {
        return repository.round(contractId, round)
                .orElseThrow(() -> BusinessException.notFound("approval round", contractId + "/" + round));
    }

    private List<Task> openTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).active().list();
    }

    /** Who can act on a task now: its assignee, else its candidate users and the members of its candidate groups. */
    private Set<String> holders(Task task) {
        Set<String> holders = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            holders.add(task.getAssignee());
            return holders;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                holders.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                holders.addAll(directory.members(link.getGroupId(), null));
            }
        }
        return holders;
    }

    private String contractNo(String contractId) {
        return contracts.header(contractId).contractNo();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, key, Locale.ENGLISH);
    }

    private static String joined(Set<String> users) {
        String joined = String.join(",", users);
        return joined.length() > 128 ? joined.substring(0, 125) + "..." : joined;
    }
}
