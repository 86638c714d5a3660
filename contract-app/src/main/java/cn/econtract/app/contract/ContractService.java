package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.clause.ClauseLibrary;
import cn.econtract.app.clause.LibraryClause;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.document.ReadDocument;
import cn.econtract.app.document.UploadedDocuments;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.template.Template;
import cn.econtract.app.template.TemplateContent;
import cn.econtract.app.template.TemplateService;
import cn.econtract.app.template.TemplateVersion;
import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableValues;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, reads and deletes contracts with department scoping: a contract outside the caller's
 * reach answers "not found", so its existence does not leak; the attempt is logged. Every save is
 * a new version; the contract row mirrors the current one.
 */
@Service
public class ContractService {

    public static final String STANDARD_CLAUSE_CHANGED = "STANDARD_CLAUSE_CHANGED";
    public static final String NEW_COUNTERPARTY = "NEW_COUNTERPARTY";

    private final ContractRepository repository;
    private final ContractVersionRepository versions;
    private final ContractNumbers numbers;
    private final TemplateService templates;
    private final ClauseLibrary library;
    private final ContractText text;
    private final UploadedDocuments uploads;
    private final AccessService access;
    private final OperationLogService log;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractService(ContractRepository repository, ContractVersionRepository versions, ContractNumbers numbers,
                    TemplateService templates, ClauseLibrary library, ContractText text, UploadedDocuments uploads,
                    AccessService access, OperationLogService log, ApplicationEventPublisher events, Clock clock) {
        this.uploads = uploads;
        this.events = events;
        this.repository = repository;
        this.versions = versions;
        this.numbers = numbers;
        this.templates = templates;
        this.library = library;
        this.text = text;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public Contract create(NewContract request) {
        UserProfile user = access.require(Permission.CONTRACT_CREATE);
        String department = department(request.departmentId(), user);
        if (request.templateId() != null) {
            return fromTemplate(request, user, department);
        }
        if (request.contractType() == null) {
            throw new InvalidFieldsException(List.of(new FieldError("contractType", "validation.required")));
        }
        List<ContractClause> clauses = request.body() == null ? List.of()
                : List.of(new ContractClause("body", null, request.body(), null, null, null));
        return register(user, department, request, request.contractType(), null,
                new ContractContent(null, clauses, Map.of()), ContractVersion.VersionSource.API,
                request.counterpartyName(), request.amount(), request.effectiveDate(), request.expiryDate());
    }

    /** A draft whose text is read from an uploaded Word or PDF file (checked before it is parsed). */
    @Transactional
    public Contract createFromUpload(NewContract request, String filename, byte[] content) {
        UserProfile user = access.require(Permission.CONTRACT_CREATE);
        ReadDocument document = uploads.read(filename, content);
        String department = department(request.departmentId(), user);
        if (request.contractType() == null) {
            throw new InvalidFieldsException(List.of(new FieldError("contractType", "validation.required")));
        }
        List<ContractClause> clauses = new ArrayList<>();
        for (ReadDocument.Section section : document.sections()) {
            clauses.add(new ContractClause("c" + (clauses.size() + 1), section.heading(), section.text(), null, null, null));
        }
        return register(user, department, request, request.contractType(), null,
                new ContractContent(document.preamble().isBlank() ? null : document.preamble(), clauses, Map.of()),
                ContractVersion.VersionSource.UPLOAD, request.counterpartyName(), request.amount(),
                request.effectiveDate(), request.expiryDate());
    }

    private Contract fromTemplate(NewContract request, UserProfile user, String department) {
        TemplateVersion version = templates.versionForDrafting(request.templateId());
        Template template = templates.templateOf(version);
        TemplateContent tc = version.content();
        VariableValues.Result values = VariableValues.check(tc.variables(), request.variables(), !request.allowIncomplete());
        if (!values.errors().isEmpty()) {
            throw new InvalidFieldsException(values.errors());
        }
        List<ContractClause> clauses = tc.clauses().stream().map(c -> new ContractClause(c.key(), c.heading(), c.text(),
                c.libraryCode(), c.libraryVersion(), c.libraryHash())).toList();
        ContractContent content = new ContractContent(tc.preamble(), clauses, values.values());
        Mapped mapped = mapped(tc, values.values());
        return register(user, department, request,
                request.contractType() != null ? request.contractType() : template.contractType(), version.id(), content,
                ContractVersion.VersionSource.TEMPLATE,
                request.counterpartyName() != null ? request.counterpartyName() : mapped.counterparty(),
                request.amount() != null ? request.amount() : mapped.amount(),
                request.effectiveDate() != null ? request.effectiveDate() : mapped.effective(),
                request.expiryDate() != null ? request.expiryDate() : mapped.expiry());
    }

    private Contract register(UserProfile user, String department, NewContract request, String type, String templateVersionId,
                              ContractContent content, ContractVersion.VersionSource source, String counterparty,
                              BigDecimal amount, LocalDate effective, LocalDate expiry) {
        if (!user.canIn(Permission.CONTRACT_CREATE, department)) {
            log.record(OperationRecord.denied(user.id(), OperationAction.CREATE, "contract", null,
                    "department " + department + " outside scope"));
            throw BusinessException.forbidden(Permission.CONTRACT_CREATE.code());
        }
        Instant now = now();
        String id = UUID.randomUUID().toString();
        String currency = request.currency() == null ? "CNY" : request.currency();
        Contract draft = new Contract(id, numbers.next(type), request.title(), type, department, counterparty,
                request.counterpartyContact(), amount, currency, null, ContractStatus.DRAFT, user.id(), now, now,
                templateVersionId, effective, expiry, 1, List.of());
        Contract contract = withText(draft, content, riskFlags(content, counterparty, id));
        repository.insert(contract);
        String hash = hash(content);
        versions.insert(new ContractVersion(id, 1, content, hash, source, user.id(), now));
        log.record(OperationRecord.success(user.id(), OperationAction.CREATE, "contract", id).withDetail(contract.contractNo()));
        events.publishEvent(new ContractEvent(ContractEvent.Type.CREATED, id, user.id(), 1, hash,
                contract.contractNo() + " " + source.name().toLowerCase(java.util.Locale.ROOT)));
        return contract;
    }

    /** Saves the editor's state as the next version; a stale base version answers 409. */
    @Transactional
    public ContractVersion save(String id, SaveDraft request) {
        Contract contract = reachable(id, Permission.CONTRACT_EDIT, OperationAction.MODIFY);
        if (!contract.status().editable()) {
            throw BusinessException.stateConflict("error.contract.notEditable", contract.contractNo(), contract.status());
        }
        if (request.baseVersion() != contract.currentVersion()) {
            throw BusinessException.stateConflict("error.contract.staleVersion", request.baseVersion(), contract.currentVersion());
        }
        List<VariableSpec> schema = schemaOf(contract);
        VariableValues.Result values = VariableValues.check(schema, request.variables(), false);
        List<FieldError> errors = new ArrayList<>(values.errors());
        Set<String> keys = new HashSet<>();
        List<ContractClause> clauses = new ArrayList<>();
        for (int i = 0; i < request.clauses().size(); i++) {
            ContractClause c = request.clauses().get(i);
            if (!keys.add(c.key())) {
                errors.add(new FieldError("clauses[" + i + "].key", "validation.clause.duplicateKey"));
            }
            clauses.add(verifiedOrigin(c, i, errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        ContractContent content = new ContractContent(request.preamble(), clauses, values.values());
        ContractVersion current = versions.find(id, contract.currentVersion()).orElseThrow();
        String hash = hash(content);
        String title = request.title() == null || request.title().isBlank() ? contract.title() : request.title().strip();
        if (hash.equals(current.contentHash()) && title.equals(contract.title())) {
            return current;  // autosave without a change makes no version
        }
        Instant now = now();
        int next = contract.currentVersion() + 1;
        Mapped mapped = contract.templateVersionId() == null ? null
                : mapped(templates.versionById(contract.templateVersionId()).content(), values.values());
        Contract updated = new Contract(id, contract.contractNo(), title, contract.contractType(), contract.departmentId(),
                mapped != null && mapped.counterparty() != null ? mapped.counterparty() : contract.counterpartyName(),
                contract.counterpartyContact(), mapped != null && mapped.amount() != null ? mapped.amount() : contract.amount(),
                contract.currency(), null, contract.status(), contract.createdBy(), contract.createdAt(), now,
                contract.templateVersionId(), mapped != null && mapped.effective() != null ? mapped.effective() : contract.effectiveDate(),
                mapped != null && mapped.expiry() != null ? mapped.expiry() : contract.expiryDate(), next, List.of());
        String user = access.currentUser().id();
        updated = withText(updated, content, riskFlags(content, updated.counterpartyName(), id));
        ContractVersion version = new ContractVersion(id, next, content, hash, ContractVersion.VersionSource.EDITOR, user, now);
        try {
            versions.insert(version);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // a concurrent save on the same base won the version number: same answer as a stale base
            throw BusinessException.stateConflict("error.contract.staleVersion", request.baseVersion(), next);
        }
        if (!repository.updateDraft(updated)) {
            throw BusinessException.stateConflict("error.contract.staleVersion", request.baseVersion(), "?");
        }
        log.record(OperationRecord.success(user, OperationAction.MODIFY, "contract", id)
                .withDetail(contract.contractNo() + " v" + next + " " + hash.substring(0, 12)));
        events.publishEvent(new ContractEvent(ContractEvent.Type.EDITED, id, user, next, hash, contract.contractNo()));
        return version;
    }

    /**
     * The contract ready to be submitted for approval by the caller: {@code contract:submit} in its
     * department, editable, and complete (every required variable of its template filled).
     */
    public Drafted submittable(String id) {
        Drafted drafted = drafted(id, Permission.CONTRACT_SUBMIT, OperationAction.SUBMIT);
        ensureSubmittable(drafted);
        return drafted;
    }

    /** Editable and complete, or 409 / 400 naming what is missing. */
    public void ensureSubmittable(Drafted drafted) {
        Contract contract = drafted.contract();
        if (!contract.status().editable()) {
            throw BusinessException.stateConflict("error.contract.notSubmittable", contract.contractNo(), contract.status());
        }
        List<FieldError> errors = new ArrayList<>(
                VariableValues.check(drafted.schema(), drafted.version().content().variables(), true).errors());
        if (contract.counterpartyName() == null || contract.counterpartyName().isBlank()) {
            errors.add(new FieldError("counterpartyName", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    /** For the search index: the contract as it stands (body decrypted), empty once deleted; no permission check. */
    public Optional<Contract> forIndexing(String id) {
        return repository.find(id);
    }

    /** Every contract that is not deleted, oldest first (a full reindex). */
    public List<String> idsForIndexing() {
        return repository.liveIds();
    }

    /**
     * For process steps, which run on behalf of the lifecycle rather than a caller: the contract
     * without a permission check (the step that led here was checked).
     */
    public Drafted registered(String id) {
        Contract contract = repository.find(id).orElseThrow(() -> BusinessException.notFound("contract", id));
        ContractVersion version = versions.find(id, contract.currentVersion())
                .orElseThrow(() -> BusinessException.notFound("contract version", id + "/" + contract.currentVersion()));
        return new Drafted(contract, version, schemaOf(contract));
    }

    /**
     * A stored version read back and hashed afresh, for the evidence check: the hash recorded
     * beside it and the hash of what decrypts now; {@code problem} when it is missing or its
     * ciphertext no longer authenticates. Reads deleted contracts too (their trail stays provable).
     */
    public StoredVersion storedVersion(String id, int version) {
        String recorded = versions.contentHash(id, version);
        if (recorded == null) {
            return new StoredVersion(null, null, "version " + version + " is missing");
        }
        try {
            ContractVersion stored = versions.find(id, version).orElseThrow();
            return new StoredVersion(recorded, hash(stored.content()), null);
        } catch (TamperedDataException | IllegalStateException e) {
            return new StoredVersion(recorded, null, "version " + version + " does not decrypt (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** See {@link #storedVersion}. */
    public record StoredVersion(String recordedHash, String recomputedHash, String problem) {
    }

    /** What process steps mostly need of a contract, read without decrypting anything. */
    public record Header(String id, String contractNo, String departmentId, ContractStatus status, String createdBy,
                         int currentVersion) {
    }

    /** For process steps, like {@link #registered}: the register fields without the body. */
    public Header header(String id) {
        return repository.header(id).orElseThrow(() -> BusinessException.notFound("contract", id));
    }

    /** Moves the contract from one of {@code from} to {@code to}; 409 if it stands elsewhere. Logged. */
    @Transactional
    public void transition(String id, Set<ContractStatus> from, ContractStatus to, String actor) {
        Contract contract = repository.find(id).orElseThrow(() -> BusinessException.notFound("contract", id));
        if (!from.contains(contract.status()) || !repository.updateStatus(id, contract.status(), to, now())) {
            throw BusinessException.stateConflict("error.contract.statusChanged", contract.contractNo(), contract.status(), to);
        }
        log.record(OperationRecord.success(actor, OperationAction.STATUS_CHANGE, "contract", id)
                .withDetail(contract.contractNo() + " " + contract.status() + " → " + to));
        event(ContractEvent.Type.STATUS_CHANGED, id, actor, contract.status() + " → " + to);
    }

    /**
     * Reports an event on the contract's current version to the evidence trail, in the caller's
     * transaction ({@code actor} null: the signed-in user).
     */
    public void event(ContractEvent.Type type, String id, String actor, String detail) {
        int current = header(id).currentVersion();
        events.publishEvent(new ContractEvent(type, id, actor, current, versions.contentHash(id, current), detail));
    }

    public Contract get(String id) {
        Contract contract = reachable(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        log.record(OperationRecord.success(null, OperationAction.VIEW, "contract", id));
        return contract;
    }

    public List<Contract> list(ContractFilter filter, int page, int size) {
        UserProfile user = access.currentUser();
        return repository.list(access.departmentFilter(Permission.CONTRACT_VIEW), filter, user.id(), page * size, size);
    }

    public List<ContractVersionLine> versions(String id) {
        reachable(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return versions.lines(id);
    }

    public ContractVersion version(String id, int version) {
        reachable(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return versions.find(id, version).orElseThrow(() -> BusinessException.notFound("contract version", id + "/" + version));
    }

    /** The contract, checked for the permission, with its current version. */
    public Drafted drafted(String id, Permission permission, OperationAction action) {
        Contract contract = reachable(id, permission, action);
        ContractVersion version = versions.find(id, contract.currentVersion())
                .orElseThrow(() -> BusinessException.notFound("contract version", id + "/" + contract.currentVersion()));
        return new Drafted(contract, version, schemaOf(contract));
    }

    /** A contract with its current version and the variable schema it is filled against. */
    public record Drafted(Contract contract, ContractVersion version, List<VariableSpec> schema) {
    }

    /** Only drafts can be deleted; the row is kept (soft delete) for the evidence trail. */
    @Transactional
    public void delete(String id) {
        Contract contract = reachable(id, Permission.CONTRACT_DELETE, OperationAction.DELETE);
        if (contract.status() != ContractStatus.DRAFT) {
            throw BusinessException.stateConflict("error.contract.deleteNotDraft", contract.contractNo(), contract.status());
        }
        event(ContractEvent.Type.DELETED, id, null, contract.contractNo());
        repository.markDeleted(id, clock.instant());
        log.record(OperationRecord.success(null, OperationAction.DELETE, "contract", id).withDetail(contract.contractNo()));
    }

    List<VariableSpec> schemaOf(Contract contract) {
        return contract.templateVersionId() == null ? List.of()
                : templates.versionById(contract.templateVersionId()).content().variables();
    }

    /**
     * A clause claiming to come from the library gets the library's own hash for that version, so a
     * client cannot hide an edit by sending the hash of its edited text.
     */
    private ContractClause verifiedOrigin(ContractClause c, int index, List<FieldError> errors) {
        if (c.libraryCode() == null) {
            return new ContractClause(c.key(), c.heading(), c.text(), null, null, null);
        }
        LibraryClause lib = (c.libraryVersion() == null ? library.currentUnchecked(c.libraryCode())
                : library.version(c.libraryCode(), c.libraryVersion())).orElse(null);
        if (lib == null) {
            errors.add(new FieldError("clauses[" + index + "].libraryCode", "validation.template.unknownClause", c.libraryCode()));
            return c;
        }
        return new ContractClause(c.key(), c.heading(), c.text(), lib.code(), lib.version(), lib.contentHash());
    }

    private Contract withText(Contract c, ContractContent content, List<String> riskFlags) {
        String body = text.plain(c, content, schemaOf(c));
        return new Contract(c.id(), c.contractNo(), c.title(), c.contractType(), c.departmentId(), c.counterpartyName(),
                c.counterpartyContact(), c.amount(), c.currency(), body, c.status(), c.createdBy(), c.createdAt(),
                c.updatedAt(), c.templateVersionId(), c.effectiveDate(), c.expiryDate(), c.currentVersion(), riskFlags);
    }

    private List<String> riskFlags(ContractContent content, String counterparty, String id) {
        List<String> flags = new ArrayList<>();
        if (content.clauses().stream().anyMatch(ContractClause::modified)) {
            flags.add(STANDARD_CLAUSE_CHANGED);
        }
        if (counterparty != null && !repository.counterpartyKnown(counterparty, id)) {
            flags.add(NEW_COUNTERPARTY);
        }
        return flags;
    }

    private String hash(ContractContent content) {
        return Sha256.hex(versions.canonical(content));
    }

    private static Mapped mapped(TemplateContent tc, Map<String, Object> values) {
        String counterparty = null;
        if (tc.counterparty() != null && values.get(tc.counterparty()) instanceof Map<?, ?> party && party.get("name") != null) {
            counterparty = party.get("name").toString();
        }
        BigDecimal amount = tc.amount() != null && values.get(tc.amount()) != null ? new BigDecimal(values.get(tc.amount()).toString()) : null;
        LocalDate effective = tc.effectiveDate() != null && values.get(tc.effectiveDate()) != null
                ? LocalDate.parse(values.get(tc.effectiveDate()).toString()) : null;
        LocalDate expiry = tc.expiryDate() != null && values.get(tc.expiryDate()) != null
                ? LocalDate.parse(values.get(tc.expiryDate()).toString()) : null;
        return new Mapped(counterparty, amount, effective, expiry);
    }

    private record Mapped(String counterparty, BigDecimal amount, LocalDate effective, LocalDate expiry) {
    }

    private String department(String requested, UserProfile user) {
        String department = requested != null ? requested : user.primaryDepartmentId();
        if (department == null) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.contract.noDepartment");
        }
        return department;
    }

    private Contract reachable(String id, Permission permission, OperationAction action) {
        UserProfile user = access.require(permission);
        Contract contract = repository.find(id).orElseThrow(() -> BusinessException.notFound("contract", id));
        if (!user.canIn(permission, contract.departmentId())) {
            log.record(OperationRecord.denied(user.id(), action, "contract", id,
                    "missing " + permission.code() + " for department " + contract.departmentId()));
            throw BusinessException.notFound("contract", id);
        }
        return contract;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
