package cn.econtract.app.archive;

import cn.econtract.app.approval.TaskDecisions;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.storage.Documents;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a fixed term (archive-retention.bpmn): the review and approval are recorded in the
 * register (销毁清册), keeping extends the term, destruction makes the archival copy and the
 * package unreadable by destroying their data keys (crypto-shredding: the ciphertext that may
 * remain in any store or backup can no longer be opened) and keeps the register entry.
 */
@Service
public class ArchiveRetention {

    private final ArchiveRepository repository;
    private final Archives archives;
    private final TaskDecisions decisions;
    private final ContractService contracts;
    private final Documents store;
    private final OperationLogService log;
    private final ArchiveProperties properties;
    private final Clock clock;

    ArchiveRetention(ArchiveRepository repository, Archives archives, TaskDecisions decisions, ContractService contracts,
                     Documents store, OperationLogService log, ArchiveProperties properties, Clock clock) {
        this.repository = repository;
        this.archives = archives;
        this.decisions = decisions;
        this.contracts = contracts;
        this.store = store;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    /** 销毁鉴定 (Task_Review) or 销毁审批 (Task_ApproveDestruction) decided: checked and entered in the register. */
    @Transactional
    public void decided(String archiveNo, String taskKey, String taskId, String actor, String decision, String opinion) {
        String clean = decisions.check(decision, opinion);
        ArchiveRecord record = archives.registered(archiveNo);
        String step = "Task_Review".equals(taskKey) ? "REVIEW" : "APPROVAL";
        repository.appraise(archiveNo, taskId, step, decision, actor, clean, clock.instant());
        log.record(OperationRecord.success(actor, "APPROVE".equals(decision) ? OperationAction.APPROVE : OperationAction.REJECT,
                "archive", archiveNo).withDetail("destruction " + step.toLowerCase() + " of " + record.contractNo()));
    }

    /** 销毁档案: after review and approval only (the process guarantees the order). */
    @Transactional
    public void destroy(String archiveNo) {
        ArchiveRecord record = archives.registered(archiveNo);
        if (!repository.markDestroyed(archiveNo, clock.instant())) {
            throw new IllegalStateException(archiveNo + " is already " + record.status());
        }
        store.shred(record.copySha256());
        store.shred(record.packageSha256());
        log.record(OperationRecord.success(Archives.SYSTEM, OperationAction.DESTROY, "archive", archiveNo)
                .withDetail(record.contractNo() + " copy sha256:" + record.copySha256() + " package sha256:" + record.packageSha256()));
        contracts.event(ContractEvent.Type.DESTROYED, record.contractId(), Archives.SYSTEM, "archive " + archiveNo
                + " destroyed after review; package sha256:" + record.packageSha256());
    }

    /** 延长保管期: kept after review; the term runs on by the configured years from the day it ended. */
    @Transactional
    public Date extend(String archiveNo) {
        ArchiveRecord record = archives.registered(archiveNo);
        LocalDate from = record.retentionEnds() == null ? LocalDate.now(clock.withZone(Archives.CHINA)) : record.retentionEnds();
        LocalDate ends = from.plusYears(properties.extensionYears());
        repository.extend(archiveNo, ends);
        log.record(OperationRecord.success(Archives.SYSTEM, OperationAction.MODIFY, "archive", archiveNo)
                .withDetail("retention extended to " + ends));
        return Archives.startOf(ends);
    }
}
