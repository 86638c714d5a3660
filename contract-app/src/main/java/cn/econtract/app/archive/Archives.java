package cn.econtract.app.archive;

import cn.econtract.app.approval.EngineCalls;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractAttachments;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.evidence.EvidenceProofs;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.storage.Documents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Filing contracts into the archive, and browsing and reading it. */
@Service
public class Archives {

    static final String FILING_PROCESS = "contract-archiving";
    static final String RETENTION_PROCESS = "archive-retention";
    static final String SYSTEM = cn.econtract.delegates.EngineContext.SYSTEM;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<ContractStatus> FILEABLE = Set.of(ContractStatus.COMPLETED, ContractStatus.TERMINATED);

    private final ArchiveRepository repository;
    private final ArchiveNumbers numbers;
    private final ArchivalCopies copies;
    private final ContractService contracts;
    private final ContractDocuments documents;
    private final ContractAttachments attachments;
    private final EvidenceProofs evidence;
    private final Documents store;
    private final AccessService access;
    private final OperationLogService log;
    private final RuntimeService runtime;
    private final EngineCalls engine;
    private final ArchiveProperties properties;
    private final Clock clock;

    Archives(ArchiveRepository repository, ArchiveNumbers numbers, ArchivalCopies copies, ContractService contracts,
             ContractDocuments documents, ContractAttachments attachments, EvidenceProofs evidence, Documents store, AccessService access, OperationLogService log,
             RuntimeService runtime, EngineCalls engine, ArchiveProperties properties, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.copies = copies;
        this.contracts = contracts;
        this.documents = documents;
        this.attachments = attachments;
        this.evidence = evidence;
        this.store = store;
        this.access = access;
        this.log = log;
        this.runtime = runtime;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * 生成档案 (a process step): number, archival copy, package, register entry, the contract
     * ARCHIVED and the package's hash in its evidence trail — one transaction.
     */
    @Transactional
    public ArchiveRecord file(String contractId, String category, String categoryName, String retentionCode) {
        Contract contract = contracts.registered(contractId).contract();
        if (!FILEABLE.contains(contract.status())) {
            throw BusinessException.stateConflict("error.archive.notFileable", contract.contractNo(), contract.status());
        }
        if (repository.ofContract(contractId).isPresent()) {
            throw BusinessException.stateConflict("error.archive.alreadyFiled", contract.contractNo());
        }
        // a model edit that answers something else must stop here (an incident), not file under a wrong number
        Retention retention = Retention.ofCode(retentionCode)
                .orElseThrow(() -> new IllegalStateException("archive-retention answered an unknown retention: " + retentionCode));
        if (category == null || !category.matches("[A-Z0-9]{1,8}") || categoryName == null || categoryName.isBlank()) {
            throw new IllegalStateException("archive-category answered an unusable category: " + category + " " + categoryName);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int year = LocalDate.ofInstant(now, CHINA).getYear();
        String archiveNo = numbers.next(properties.fondsCode(), year, retention, category);
        ContractDocuments.Original original = documents.original(contractId);
        ArchiveRecord draft = new ArchiveRecord(archiveNo, contractId, contract.contractNo(), contract.title(), contract.contractType(),
                contract.departmentId(), contract.counterpartyName(), category, categoryName.strip(), year, retention.code(),
                retention.endsFor(year).orElse(null), null, null, original.signedRevision(), ArchiveRecord.Status.KEPT, now, SYSTEM, null);
        ArchivalCopies.Filed filed = copies.build(draft, contract.amount(), contract.currency(), original,
                attachments.forArchive(contractId), evidence.proofsOf(contractId));
        String copySha = store.put(filed.copy());
        String packageSha = store.put(filed.packageZip());
        ArchiveRecord record = new ArchiveRecord(archiveNo, contractId, draft.contractNo(), draft.title(), draft.contractType(),
                draft.departmentId(), draft.counterparty(), category, draft.categoryName(), year, retention.code(), draft.retentionEnds(),
                copySha, packageSha, draft.signedRevision(), ArchiveRecord.Status.KEPT, now, SYSTEM, null);
        repository.insert(record);
        contracts.transition(contractId, FILEABLE, ContractStatus.ARCHIVED, SYSTEM);
        log.record(OperationRecord.success(SYSTEM, OperationAction.ARCHIVE, "archive", archiveNo)
                .withDetail(contract.contractNo() + " " + category + " " + retention.code() + " package sha256:" + packageSha));
        contracts.event(ContractEvent.Type.ARCHIVED, contractId, SYSTEM, "archive " + archiveNo + " copy sha256:" + copySha
                + " package sha256:" + packageSha);
        return record;
    }

    /** The retention process's variables for a fixed-term item; started by the filing process. */
    public void startRetention(String archiveNo) {
        ArchiveRecord record = registered(archiveNo);
        if (record.retentionEnds() == null) {
            throw new IllegalStateException(archiveNo + " is kept permanently");
        }
        runtime.startProcessInstanceByKey(RETENTION_PROCESS, archiveNo, variables(record));
    }

    /** What the archive tasks' forms show. */
    static Map<String, Object> variables(ArchiveRecord record) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("archiveNo", record.archiveNo());
        v.put("contractId", record.contractId());
        v.put("contractNo", record.contractNo());
        v.put("title", record.title());
        v.put("categoryName", record.categoryName());
        v.put("department", record.departmentId());
        v.put("retention", record.retention());
        if (record.retentionEnds() != null) {
            v.put("retentionEnds", startOf(record.retentionEnds()));
            v.put("retentionEndsText", record.retentionEnds().toString());
        }
        return v;
    }

    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(CHINA).toInstant());
    }

    /**
     * 归档 on request: an archivist files a contract whose lifecycle ended without completing
     * (terminated); completed contracts are filed by the lifecycle itself.
     */
    public ArchiveRecord fileOnRequest(String contractId) {
        UserProfile me = access.require(Permission.ARCHIVE_MANAGE);
        Contract contract = contracts.registered(contractId).contract();
        if (!me.canIn(Permission.ARCHIVE_MANAGE, contract.departmentId())) {
            throw BusinessException.notFound("contract", contractId);
        }
        if (contract.status() != ContractStatus.TERMINATED) {
            throw BusinessException.stateConflict("error.archive.onlyTerminated", contract.contractNo(), contract.status());
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contractId", contract.id());
        v.put("contractNo", contract.contractNo());
        v.put("title", contract.title());
        v.put("contractType", contract.contractType());
        v.put("department", contract.departmentId());
        v.put("amount", contract.amount() == null ? 0.0 : contract.amount().doubleValue());
        engine.as(me, () -> runtime.startProcessInstanceByKey(FILING_PROCESS, contractId, v));
        log.record(OperationRecord.success(me.id(), OperationAction.ARCHIVE, "contract", contractId).withDetail("filed on request"));
        return repository.ofContract(contractId).orElseThrow(() -> new IllegalStateException("filing did not complete for " + contractId));
    }

    // ---- browsing and reading --------------------------------------------------------------------

    public record Page(List<ArchiveRecord> items, long total, Map<String, Map<String, Long>> facets) {
    }

    public Page browse(ArchiveFilter filter, int page, int size) {
        Optional<Set<String>> departments = ArchiveAccess.browsable(access.currentUser());
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("category", repository.facet(departments, "category"));
        facets.put("year", repository.facet(departments, "archive_year"));
        facets.put("department", repository.facet(departments, "department_id"));
        return new Page(repository.browse(departments, filter, page * size, size), repository.count(departments, filter), facets);
    }

    /** A register entry the caller may see (404 otherwise, as if it did not exist). */
    public ArchiveRecord record(String archiveNo) {
        UserProfile me = access.currentUser();
        ArchiveAccess.browsable(me);
        ArchiveRecord record = repository.find(archiveNo).orElseThrow(() -> BusinessException.notFound("archive", archiveNo));
        if (!ArchiveAccess.mayBrowse(me, record)) {
            log.record(OperationRecord.denied(me.id(), OperationAction.VIEW, "archive", archiveNo, "no archive permission for "
                    + record.departmentId()));
            throw BusinessException.notFound("archive", archiveNo);
        }
        return record;
    }

    public List<Map<String, Object>> appraisals(String archiveNo) {
        record(archiveNo);
        return repository.appraisals(archiveNo);
    }

    /** For the process steps: the entry without a permission check. */
    ArchiveRecord registered(String archiveNo) {
        return repository.find(archiveNo).orElseThrow(() -> BusinessException.notFound("archive", archiveNo));
    }

    /** The archival copy (PDF/A-3b), for readers, managers and a borrower during the loan; every read logged and proven. */
    public byte[] copy(String archiveNo, boolean borrowerMayRead) {
        ArchiveRecord record = record(archiveNo);
        UserProfile me = access.currentUser();
        if (!ArchiveAccess.mayRead(me, record) && !borrowerMayRead) {
            log.record(OperationRecord.denied(me.id(), OperationAction.DOWNLOAD, "archive", archiveNo, "no archive:read and no open loan"));
            throw BusinessException.forbidden(Permission.ARCHIVE_READ.code());
        }
        return read(record, record.copySha256(), "archival copy");
    }

    /** The whole package (copy, original, evidence, manifest), for readers and managers. */
    public byte[] packageZip(String archiveNo) {
        ArchiveRecord record = record(archiveNo);
        UserProfile me = access.currentUser();
        if (!ArchiveAccess.mayRead(me, record)) {
            log.record(OperationRecord.denied(me.id(), OperationAction.EXPORT, "archive", archiveNo, "no archive:read"));
            throw BusinessException.forbidden(Permission.ARCHIVE_READ.code());
        }
        return read(record, record.packageSha256(), "archive package");
    }

    private byte[] read(ArchiveRecord record, String address, String what) {
        if (record.status() == ArchiveRecord.Status.DESTROYED) {
            throw BusinessException.stateConflict("error.archive.destroyed", record.archiveNo(), record.destroyedAt());
        }
        byte[] bytes = store.get(address);
        log.record(OperationRecord.success(null, OperationAction.DOWNLOAD, "archive", record.archiveNo())
                .withDetail(what + " sha256:" + Sha256.hex(bytes)));
        contracts.event(ContractEvent.Type.DOWNLOADED, record.contractId(), null, record.archiveNo() + " " + what);
        return bytes;
    }
}
