package cn.econtract.app.archive;

import cn.econtract.app.approval.EngineCalls;
import cn.econtract.app.approval.TaskDecisions;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.notification.Notifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 借阅: a request to read an archived item, approved by an archivist (archive-borrowing.bpmn), open
 * to the borrower alone until it expires or is returned. Only items of departments the borrower
 * may borrow from can be asked for; one open request or loan per person and item.
 */
@Service
public class ArchiveBorrowings {

    static final String PROCESS = "archive-borrowing";
    static final String RETURNED = "archive-returned";
    static final int MAX_PURPOSE = 500;

    private final ArchiveRepository repository;
    private final Archives archives;
    private final TaskDecisions decisions;
    private final AccessService access;
    private final OperationLogService log;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final EngineCalls engine;
    private final ArchiveProperties properties;
    private final Clock clock;

    ArchiveBorrowings(ArchiveRepository repository, Archives archives, TaskDecisions decisions, AccessService access,
                      OperationLogService log, Notifications notifications, RuntimeService runtime, EngineCalls engine,
                      ArchiveProperties properties, Clock clock) {
        this.repository = repository;
        this.archives = archives;
        this.decisions = decisions;
        this.access = access;
        this.log = log;
        this.notifications = notifications;
        this.runtime = runtime;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks to borrow; 400 for a missing purpose or a loan longer than allowed, 409 while one is open. */
    @Transactional
    public ArchiveBorrowing request(String archiveNo, String purpose, Integer days) {
        UserProfile me = access.require(Permission.ARCHIVE_BORROW);
        ArchiveRecord record = archives.record(archiveNo);
        if (!me.canIn(Permission.ARCHIVE_BORROW, record.departmentId())) {
            log.record(OperationRecord.denied(me.id(), OperationAction.BORROW, "archive", archiveNo, "no archive:borrow for "
                    + record.departmentId()));
            throw BusinessException.forbidden(Permission.ARCHIVE_BORROW.code());
        }
        List<FieldError> errors = new ArrayList<>();
        if (purpose == null || purpose.isBlank()) {
            errors.add(new FieldError("purpose", "validation.required"));
        } else if (purpose.length() > MAX_PURPOSE) {
            errors.add(new FieldError("purpose", "validation.maxLength", MAX_PURPOSE));
        }
        if (days == null || days < 1 || days > properties.maxBorrowingDays()) {
            errors.add(new FieldError("days", "validation.archive.days", properties.maxBorrowingDays()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        if (record.status() == ArchiveRecord.Status.DESTROYED) {
            throw BusinessException.stateConflict("error.archive.destroyed", archiveNo, record.destroyedAt());
        }
        Instant now = clock.instant();
        boolean open = repository.borrowingsOfArchive(archiveNo).stream().anyMatch(b -> b.borrower().equals(me.id())
                && (b.status() == ArchiveBorrowing.Status.REQUESTED || b.open(now)));
        if (open) {
            throw BusinessException.stateConflict("error.archive.borrowingOpen", archiveNo);
        }
        ArchiveBorrowing borrowing = new ArchiveBorrowing(UUID.randomUUID().toString(), archiveNo, me.id(), purpose.strip(), days,
                ArchiveBorrowing.Status.REQUESTED, now.truncatedTo(ChronoUnit.MILLIS), null, null, null, null, null);
        repository.insert(borrowing);
        Map<String, Object> v = Archives.variables(record);
        v.remove("retentionEnds");
        v.put("borrowingId", borrowing.id());
        v.put("borrower", me.displayName() + " (" + me.id() + ")");
        v.put("purpose", borrowing.purpose());
        v.put("days", days);
        engine.as(me, () -> runtime.startProcessInstanceByKey(PROCESS, borrowing.id(), v));
        log.record(OperationRecord.success(me.id(), OperationAction.BORROW, "archive", archiveNo)
                .withDetail("requested " + days + " days: " + borrowing.purpose()));
        return borrowing;
    }

    /** The caller's requests and loans, newest first. */
    public List<ArchiveBorrowing> mine() {
        return repository.borrowingsOf(access.currentUser().id());
    }

    /** An item's loans, for those who manage the archive. */
    public List<ArchiveBorrowing> ofArchive(String archiveNo) {
        UserProfile me = access.require(Permission.ARCHIVE_MANAGE);
        ArchiveRecord record = archives.record(archiveNo);
        if (!me.canIn(Permission.ARCHIVE_MANAGE, record.departmentId())) {
            throw BusinessException.forbidden(Permission.ARCHIVE_MANAGE.code());
        }
        return repository.borrowingsOfArchive(archiveNo);
    }

    /** Whether the caller holds an open loan of the item now. */
    public boolean onLoan(String archiveNo) {
        String me = access.currentUser().id();
        Instant now = clock.instant();
        return repository.borrowingsOfArchive(archiveNo).stream().anyMatch(b -> b.borrower().equals(me) && b.open(now));
    }

    /** 提前归还: the borrower gives the item back before the loan expires. */
    public void giveBack(String borrowingId) {
        UserProfile me = access.currentUser();
        ArchiveBorrowing b = repository.borrowing(borrowingId).filter(x -> x.borrower().equals(me.id()))
                .orElseThrow(() -> BusinessException.notFound("borrowing", borrowingId));
        if (b.status() != ArchiveBorrowing.Status.LENT) {
            throw BusinessException.stateConflict("error.archive.notLent", borrowingId, b.status());
        }
        engine.as(me, () -> runtime.createMessageCorrelation(RETURNED).processInstanceBusinessKey(borrowingId).correlate());
    }

    // ---- process steps -------------------------------------------------------------------------

    @Transactional
    public void decided(String borrowingId, String taskId, String actor, String decision, String opinion) {
        String clean = decisions.check(decision, opinion);
        ArchiveBorrowing b = borrowing(borrowingId);
        repository.decide(borrowingId, actor, clock.instant(), clean);
        log.record(OperationRecord.success(actor, "APPROVE".equals(decision) ? OperationAction.APPROVE : OperationAction.REJECT,
                "archive", b.archiveNo()).withDetail("borrowing " + borrowingId + " by " + b.borrower() + " task " + taskId));
    }

    @Transactional
    public Date grant(String borrowingId) {
        ArchiveBorrowing b = borrowing(borrowingId);
        Instant ends = clock.instant().plus(Duration.ofDays(b.days())).truncatedTo(ChronoUnit.SECONDS);
        if (!repository.lend(borrowingId, ends)) {
            throw new IllegalStateException("borrowing " + borrowingId + " is " + b.status());
        }
        notifications.send(Set.of(b.borrower()), "ARCHIVE_LENT", null, null, "借阅已批准 Loan approved: " + b.archiveNo()
                + "，至 until " + ends);
        return Date.from(ends);
    }

    @Transactional
    public void refuse(String borrowingId) {
        ArchiveBorrowing b = borrowing(borrowingId);
        if (!repository.refuse(borrowingId, clock.instant())) {
            throw new IllegalStateException("borrowing " + borrowingId + " is " + b.status());
        }
        notifications.send(Set.of(b.borrower()), "ARCHIVE_REFUSED", null, null, "借阅未获批准 Loan refused: " + b.archiveNo());
    }

    @Transactional
    public void end(String borrowingId) {
        ArchiveBorrowing b = borrowing(borrowingId);
        repository.close(borrowingId, clock.instant());
        log.record(OperationRecord.success(Archives.SYSTEM, OperationAction.BORROW, "archive", b.archiveNo())
                .withDetail("loan " + borrowingId + " to " + b.borrower() + " closed"));
    }

    private ArchiveBorrowing borrowing(String id) {
        return repository.borrowing(id).orElseThrow(() -> BusinessException.notFound("borrowing", id));
    }
}
