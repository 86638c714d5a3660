package cn.econtract.app.fulfilment;

import cn.econtract.app.approval.EngineCalls;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.document.UploadInspector;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.storage.Documents;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The obligation plan of a contract (F5.1, F5.2): proposed when it comes into force, confirmed or
 * corrected by its owner, each confirmed obligation watched by an {@code obligation-watch}
 * instance, fulfilled with proof (payments may come in parts), and the contract performed once
 * every obligation is settled. Every change enters the contract's evidence trail.
 */
@Service
public class ObligationPlans {

    static final String WATCH = "obligation-watch";
    static final String SETTLED = "obligation-settled";
    static final String RESCHEDULED = "obligation-rescheduled";
    static final String ALL_SETTLED = "fulfilment-settled";
    static final String PLAN_TASK = "Task_ConfirmPlan";
    static final int MAX_NOTE = 500;
    /** Who acts when the engine moves the plan. */
    static final String SYSTEM = cn.econtract.delegates.EngineContext.SYSTEM;

    private final ObligationRepository repository;
    private final ContractService contracts;
    private final AccessService access;
    private final OperationLogService log;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineCalls engine;
    private final UploadInspector inspector;
    private final Documents documents;
    private final Clock clock;

    ObligationPlans(ObligationRepository repository, ContractService contracts, AccessService access, OperationLogService log,
                    RuntimeService runtime, TaskService tasks, EngineCalls engine, UploadInspector inspector, Documents documents,
                    Clock clock) {
        this.inspector = inspector;
        this.documents = documents;
        this.repository = repository;
        this.contracts = contracts;
        this.access = access;
        this.log = log;
        this.runtime = runtime;
        this.tasks = tasks;
        this.engine = engine;
        this.clock = clock;
    }

    // ---- process steps -----------------------------------------------------------------------------

    /**
     * 提取履约义务: from the payment schedule and milestones of a template-based contract, else from
     * its text; its expiry too. The signing anchor is the effective date, else today. Idempotent.
     */
    @Transactional
    public int propose(String contractId) {
        if (!repository.ofContract(contractId).isEmpty()) {
            return (int) repository.ofContract(contractId).stream().filter(o -> o.status() == Obligation.Status.PROPOSED).count();
        }
        ContractService.Drafted drafted = contracts.registered(contractId);
        Contract c = drafted.contract();
        LocalDate today = today();
        repository.putAnchor(contractId, Anchor.SIGNING, c.effectiveDate() != null ? c.effectiveDate() : today, SYSTEM, now());
        if (c.expiryDate() != null) {
            repository.putAnchor(contractId, Anchor.EXPIRY, c.expiryDate(), SYSTEM, now());
        }
        Map<Anchor, LocalDate> anchors = repository.anchors(contractId);
        List<Obligation> proposed = new ArrayList<>();
        if (c.templateVersionId() != null) {
            for (TemplateObligations.Proposal p : TemplateObligations.from(c.contractType(), drafted.version().content().variables(), c.amount())) {
                proposed.add(obligation(c, p.kind(), p.title(), p.party(), p.amount(), p.due(), null, Obligation.Source.TEMPLATE,
                        p.sourceText(), anchors, today));
            }
        } else {
            for (ClauseExtractor.Extracted e : ClauseExtractor.extract(c.body(), c.amount())) {
                proposed.add(obligation(c, e.kind(), title(e), party(e.party(), e.kind()), e.amount(), e.due(), null, Obligation.Source.TEXT,
                        e.sentence(), anchors, today));
            }
        }
        if (c.expiryDate() != null && proposed.stream().noneMatch(o -> o.kind() == ObligationKind.EXPIRY)) {
            proposed.add(obligation(c, ObligationKind.EXPIRY, "合同到期", Obligation.Party.BOTH, null, new DueTerm.ByDate(c.expiryDate()),
                    null, Obligation.Source.TEMPLATE, "expiryDate", anchors, today));
        }
        proposed.forEach(repository::insert);
        log.record(OperationRecord.success(SYSTEM, OperationAction.CREATE, "contract", contractId)
                .withDetail(proposed.size() + " obligations proposed"));
        contracts.event(ContractEvent.Type.OBLIGATION_PLANNED, contractId, SYSTEM, proposed.size() + " obligations proposed");
        return proposed.size();
    }

    /** 确认履约计划 completed: every proposed obligation is confirmed and watched; answers how many are open. */
    @Transactional
    public int confirmPlan(String contractId, String actor) {
        Instant now = now();
        int confirmed = 0;
        for (Obligation o : repository.ofContract(contractId)) {
            if (o.status() == Obligation.Status.PROPOSED) {
                Obligation c = with(o, o.dueDate(), Obligation.Status.CONFIRMED, o.settledAmount(), actor, now, null);
                repository.update(c);
                watch(c);
                confirmed++;
            }
        }
        log.record(OperationRecord.success(actor, OperationAction.APPROVE, "contract", contractId)
                .withDetail("obligation plan confirmed, " + confirmed + " obligations"));
        contracts.event(ContractEvent.Type.OBLIGATION_PLANNED, contractId, actor, "plan confirmed: " + confirmed + " obligations");
        return (int) repository.ofContract(contractId).stream().filter(o -> !o.status().settled()).count();
    }

    /**
     * The owner confirms the plan from our UI or API: completes 确认履约计划 as the caller (the
     * task's listener then confirms and watches, as it does when the task is completed in Tasklist).
     */
    public List<Map<String, Object>> confirmFromApi(String contractId) {
        Contract c = editable(contractId);
        UserProfile me = me();
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey(PLAN_TASK)
                .singleResult();
        if (task == null) {
            throw BusinessException.stateConflict("error.obligation.planConfirmed", c.contractNo());
        }
        engine.as(me, () -> tasks.complete(task.getId(), Map.of("planConfirmed", true)));
        return plan(contractId);
    }

    /** What a watch does next at {@code now}: reminders already sent for this date are not planned again. */
    public ReminderPlanner.Step next(String obligationId, String daysBefore, Instant now) {
        return ReminderPlanner.next(registered(obligationId).dueDate(), daysBefore, now, repository.reminded(obligationId));
    }

    /** 到期处理: an expiry settles itself; anything else unsettled becomes overdue. Answers whether it is settled. */
    @Transactional
    public boolean due(String obligationId) {
        Obligation o = registered(obligationId);
        if (o.status().settled()) {
            return true;
        }
        if (o.kind() == ObligationKind.EXPIRY) {
            repository.update(with(o, o.dueDate(), Obligation.Status.FULFILLED, o.settledAmount(), o.confirmedBy(), o.confirmedAt(), now()));
            contracts.event(ContractEvent.Type.OBLIGATION_MET, o.contractId(), SYSTEM, "expired " + o.dueDate() + ": " + o.title());
            allSettled(o.contractId());
            return true;
        }
        repository.update(with(o, o.dueDate(), Obligation.Status.OVERDUE, o.settledAmount(), o.confirmedBy(), o.confirmedAt(), null));
        log.record(OperationRecord.success(SYSTEM, OperationAction.STATUS_CHANGE, "contract", o.contractId())
                .withDetail("obligation overdue: " + o.title() + " due " + o.dueDate()));
        contracts.event(ContractEvent.Type.OBLIGATION_OVERDUE, o.contractId(), SYSTEM, o.title() + " due " + o.dueDate()
                + (o.amount() == null ? "" : " amount " + o.amount().subtract(o.settledAmount()).toPlainString()));
        return false;
    }

    /**
     * 核销: legal stopped pursuing an overdue obligation. Settled as dismissed from within its own
     * watch (which ends by itself, so no message goes to it); the contract may be performed now.
     */
    @Transactional
    public void writeOff(String obligationId, String actor, String reason) {
        Obligation o = registered(obligationId);
        repository.update(with(o, o.dueDate(), Obligation.Status.DISMISSED, o.settledAmount(), o.confirmedBy(), o.confirmedAt(), now()));
        repository.progress(UUID.randomUUID().toString(), o.id(), null, "核销 written off: " + reason, null, null, actor, now());
        log.record(OperationRecord.success(actor, OperationAction.STATUS_CHANGE, "contract", o.contractId())
                .withDetail("obligation written off: " + o.title()));
        contracts.event(ContractEvent.Type.OBLIGATION_PLANNED, o.contractId(), actor, "written off: " + o.title() + " (" + reason + ")");
        allSettled(o.contractId());
    }

    Obligation registered(String obligationId) {
        return repository.find(obligationId).orElseThrow(() -> BusinessException.notFound("obligation", obligationId));
    }

    // ---- the owner's plan ---------------------------------------------------------------------------

    /** The plan with each obligation's progress, for a caller who may view the contract. */
    public List<Map<String, Object>> plan(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Obligation o : repository.ofContract(contractId)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("obligation", o);
            item.put("progress", repository.progressOf(o.id()));
            out.add(item);
        }
        return out;
    }

    public Map<Anchor, LocalDate> anchors(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return repository.anchors(contractId);
    }

    /** Corrects an obligation not yet settled; a changed date restarts its reminders. */
    @Transactional
    public Obligation correct(String contractId, String obligationId, ObligationEdit edit) {
        Contract c = editable(contractId);
        Obligation o = owned(c, obligationId);
        if (o.status().settled()) {
            throw BusinessException.stateConflict("error.obligation.settled", o.title(), o.status());
        }
        DueTerm term = checked(edit);
        LocalDate due = edit.dueDate() != null ? edit.dueDate() : term == null ? null : term.resolve(repository.anchors(contractId), today()).orElse(null);
        Obligation changed = new Obligation(o.id(), o.contractId(), edit.kind(), edit.title().strip(), edit.party(), edit.amount(),
                edit.dueDate() != null ? new DueTerm.ByDate(edit.dueDate()).code() : term == null ? null : term.code(), due, o.source(),
                o.sourceText(), responsible(edit, c), o.status() == Obligation.Status.OVERDUE && due != null && !due.isBefore(today())
                ? Obligation.Status.CONFIRMED : o.status(), o.settledAmount(), o.createdAt(), o.confirmedBy(), o.confirmedAt(), null);
        repository.update(changed);
        changed(c, "obligation corrected: " + describe(changed));
        if (!java.util.Objects.equals(o.dueDate(), due) || o.kind() != changed.kind()) {
            reschedule(changed);
        }
        return changed;
    }

    /** Adds an obligation the contract has and extraction missed; watched at once if the plan is already confirmed. */
    @Transactional
    public Obligation add(String contractId, ObligationEdit edit) {
        Contract c = editable(contractId);
        DueTerm term = checked(edit);
        boolean planOpen = tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey(PLAN_TASK).count() > 0;
        LocalDate today = today();
        Obligation o = obligation(c, edit.kind(), edit.title().strip(), edit.party(), edit.amount(), term, edit.dueDate(),
                Obligation.Source.MANUAL, null, repository.anchors(contractId), today);
        o = new Obligation(o.id(), o.contractId(), o.kind(), o.title(), o.party(), o.amount(), o.dueTerm(), o.dueDate(), o.source(),
                o.sourceText(), responsible(edit, c), planOpen ? Obligation.Status.PROPOSED : Obligation.Status.CONFIRMED,
                o.settledAmount(), o.createdAt(), planOpen ? null : me().id(), planOpen ? null : now(), null);
        repository.insert(o);
        changed(c, "obligation added: " + describe(o));
        if (!planOpen) {
            watch(o);
        }
        return o;
    }

    /** Takes an obligation off the plan (with the reason): it is settled without being met. */
    @Transactional
    public Obligation dismiss(String contractId, String obligationId, String reason) {
        Contract c = editable(contractId);
        Obligation o = owned(c, obligationId);
        if (o.status().settled()) {
            throw BusinessException.stateConflict("error.obligation.settled", o.title(), o.status());
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_NOTE) {
            throw new InvalidFieldsException(List.of(new FieldError("reason", "validation.required")));
        }
        Obligation dismissed = with(o, o.dueDate(), Obligation.Status.DISMISSED, o.settledAmount(), o.confirmedBy(), o.confirmedAt(), now());
        repository.update(dismissed);
        repository.progress(UUID.randomUUID().toString(), o.id(), null, "撤销 dismissed: " + reason.strip(), null, null, me().id(), now());
        changed(c, "obligation dismissed: " + o.title() + " (" + reason.strip() + ")");
        settle(dismissed);
        return dismissed;
    }

    /**
     * Records performance: for a payment the amount received or paid (parts add up; the
     * obligation is fulfilled once they reach its amount), for anything else that it was done.
     * Proof (a receipt, an acceptance report) is optional, its hash kept.
     */
    @Transactional
    public Obligation fulfil(String contractId, String obligationId, BigDecimal amount, String note, String proofName, byte[] proof) {
        Contract c = editable(contractId);
        Obligation o = owned(c, obligationId);
        if (o.status().settled() || o.status() == Obligation.Status.PROPOSED) {
            throw BusinessException.stateConflict("error.obligation.notOpen", o.title(), o.status());
        }
        List<FieldError> errors = new ArrayList<>();
        if (o.kind() == ObligationKind.PAYMENT && (amount == null || amount.signum() <= 0)) {
            errors.add(new FieldError("amount", "validation.obligation.amount"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "validation.maxLength", MAX_NOTE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        // the proof is checked like every upload and stored only once the caller may record performance
        String proofSha256 = null;
        if (proof != null) {
            inspector.inspect(proofName, proof);
            proofSha256 = documents.put(proof);
        }
        BigDecimal settled = amount == null ? o.settledAmount() : o.settledAmount().add(amount);
        boolean done = o.kind() != ObligationKind.PAYMENT || o.amount() == null || settled.compareTo(o.amount()) >= 0;
        Obligation after = with(o, o.dueDate(), done ? Obligation.Status.FULFILLED : o.status(), settled, o.confirmedBy(), o.confirmedAt(),
                done ? now() : null);
        repository.update(after);
        repository.progress(UUID.randomUUID().toString(), o.id(), amount, note == null ? null : note.strip(), proofName, proofSha256,
                me().id(), now());
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", contractId)
                .withDetail("obligation " + (done ? "fulfilled" : "partly met") + ": " + o.title()
                        + (amount == null ? "" : " amount " + amount.toPlainString())));
        contracts.event(ContractEvent.Type.OBLIGATION_MET, contractId, null, (done ? "fulfilled: " : "part: ") + o.title()
                + (amount == null ? "" : " " + amount.toPlainString()) + (proofSha256 == null ? "" : " proof sha256:" + proofSha256));
        if (done) {
            settle(after);
        }
        return after;
    }

    /** The date an event happened (验收合格 on …): obligations counting from it get their dates and reminders. */
    @Transactional
    public Map<Anchor, LocalDate> recordAnchor(String contractId, Anchor anchor, LocalDate date) {
        Contract c = editable(contractId);
        if (anchor == null || date == null) {
            throw new InvalidFieldsException(List.of(new FieldError(anchor == null ? "anchor" : "date", "validation.required")));
        }
        repository.putAnchor(contractId, anchor, date, me().id(), now());
        Map<Anchor, LocalDate> anchors = repository.anchors(contractId);
        for (Obligation o : repository.ofContract(contractId)) {
            Optional<DueTerm> term = DueTerm.parse(o.dueTerm());
            if (o.status().settled() || term.isEmpty() || !(term.get() instanceof DueTerm.Relative r) || r.anchor() != anchor) {
                continue;
            }
            LocalDate due = term.get().resolve(anchors, today()).orElse(null);
            if (!java.util.Objects.equals(due, o.dueDate())) {
                Obligation dated = with(o, due, o.status(), o.settledAmount(), o.confirmedBy(), o.confirmedAt(), null);
                repository.update(dated);
                reschedule(dated);
            }
        }
        changed(c, "anchor " + anchor + " " + date);
        return anchors;
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void watch(Obligation o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("obligationId", o.id());
        v.put("contractId", o.contractId());
        v.put("kind", o.kind().name());
        v.put("party", o.party().name());
        v.put("amount", o.amount() == null ? 0.0 : o.amount().doubleValue());
        v.put("obligationTitle", o.title());
        v.put("settled", false);
        runtime.startProcessInstanceByKey(WATCH, o.id(), v);
    }

    private void reschedule(Obligation o) {
        if (o.status() != Obligation.Status.PROPOSED) {
            runtime.createMessageCorrelation(RESCHEDULED).processInstanceBusinessKey(o.id()).setVariable("kind", o.kind().name())
                    .setVariable("amount", o.amount() == null ? 0.0 : o.amount().doubleValue()).setVariable("party", o.party().name())
                    .correlateAll();
        }
    }

    private void settle(Obligation o) {
        runtime.createMessageCorrelation(SETTLED).processInstanceBusinessKey(o.id()).correlateAll();
        allSettled(o.contractId());
    }

    /** Every obligation settled: the contract is performed (the fulfilment process goes on to completion). */
    private void allSettled(String contractId) {
        List<Obligation> all = repository.ofContract(contractId);
        if (!all.isEmpty() && all.stream().allMatch(o -> o.status().settled())) {
            runtime.createMessageCorrelation(ALL_SETTLED).processInstanceBusinessKey(contractId).correlateAll();
        }
    }

    private Obligation obligation(Contract c, ObligationKind kind, String title, Obligation.Party party, BigDecimal amount, DueTerm term,
                                  LocalDate fixed, Obligation.Source source, String sourceText, Map<Anchor, LocalDate> anchors, LocalDate today) {
        LocalDate due = fixed != null ? fixed : term == null ? null : term.resolve(anchors, today).orElse(null);
        String code = fixed != null ? new DueTerm.ByDate(fixed).code() : term == null ? null : term.code();
        return new Obligation(UUID.randomUUID().toString(), c.id(), kind, title, party, amount, code, due, source,
                sourceText == null ? null : sourceText.substring(0, Math.min(sourceText.length(), 1000)), c.createdBy(),
                Obligation.Status.PROPOSED, BigDecimal.ZERO.setScale(2), now(), null, null, null);
    }

    private static Obligation with(Obligation o, LocalDate due, Obligation.Status status, BigDecimal settled, String confirmedBy,
                                   Instant confirmedAt, Instant settledAt) {
        return new Obligation(o.id(), o.contractId(), o.kind(), o.title(), o.party(), o.amount(), o.dueTerm(), due, o.source(),
                o.sourceText(), o.responsible(), status, settled, o.createdAt(), confirmedBy, confirmedAt, settledAt);
    }

    private static String title(ClauseExtractor.Extracted e) {
        String s = e.sentence();
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    /** 甲方 is us in the shipped templates and, by default, in uploaded contracts; the owner corrects it. */
    private static Obligation.Party party(String party, ObligationKind kind) {
        if (party == null) {
            return kind == ObligationKind.EXPIRY || kind == ObligationKind.RENEWAL_NOTICE ? Obligation.Party.BOTH : Obligation.Party.OURS;
        }
        return "乙方".equals(party) ? Obligation.Party.COUNTERPARTY : Obligation.Party.OURS;
    }

    private static DueTerm checked(ObligationEdit edit) {
        List<FieldError> errors = new ArrayList<>();
        if (edit == null) {
            throw new InvalidFieldsException(List.of(new FieldError("kind", "validation.required")));
        }
        if (edit.kind() == null) {
            errors.add(new FieldError("kind", "validation.required"));
        }
        if (edit.party() == null) {
            errors.add(new FieldError("party", "validation.required"));
        }
        if (edit.title() == null || edit.title().isBlank() || edit.title().length() > 200) {
            errors.add(new FieldError("title", "validation.required"));
        }
        if (edit.amount() != null && edit.amount().signum() < 0) {
            errors.add(new FieldError("amount", "validation.obligation.amount"));
        }
        DueTerm term = null;
        if (edit.dueTerm() != null && !edit.dueTerm().isBlank()) {
            term = DueTerm.parse(edit.dueTerm()).orElse(null);
            if (term == null) {
                errors.add(new FieldError("dueTerm", "validation.obligation.dueTerm"));
            }
        }
        if (edit.responsible() != null && edit.responsible().length() > 128) {
            errors.add(new FieldError("responsible", "validation.maxLength", 128));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return term;
    }

    private String responsible(ObligationEdit edit, Contract c) {
        return edit.responsible() == null || edit.responsible().isBlank() ? c.createdBy() : edit.responsible().strip();
    }

    /** The contract, checked for contract:edit in its department, in force (the fulfilment phase). */
    private Contract editable(String contractId) {
        Contract c = contracts.drafted(contractId, Permission.CONTRACT_EDIT, OperationAction.MODIFY).contract();
        if (c.status() != ContractStatus.IN_FORCE) {
            throw BusinessException.stateConflict("error.obligation.notInForce", c.contractNo(), c.status());
        }
        return c;
    }

    private Obligation owned(Contract c, String obligationId) {
        return repository.find(obligationId).filter(o -> o.contractId().equals(c.id()))
                .orElseThrow(() -> BusinessException.notFound("obligation", obligationId));
    }

    private void changed(Contract c, String detail) {
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", c.id()).withDetail(detail));
        contracts.event(ContractEvent.Type.OBLIGATION_PLANNED, c.id(), null, detail);
    }

    private static String describe(Obligation o) {
        return o.kind() + " " + o.title() + " " + o.party() + (o.amount() == null ? "" : " " + o.amount().toPlainString())
                + (o.dueDate() == null ? (o.dueTerm() == null ? "" : " " + o.dueTerm()) : " due " + o.dueDate());
    }

    private UserProfile me() {
        return access.currentUser();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReminderPlanner.CHINA);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
