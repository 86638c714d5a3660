package cn.econtract.app.template;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.clause.ClauseLibrary;
import cn.econtract.app.compare.ClauseText;
import cn.econtract.app.compare.Comparison;
import cn.econtract.app.compare.VersionComparison;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The template library. A version is edited while a draft, becomes immutable when published and is
 * kept when retired, because contracts point at the exact version they were drafted from.
 */
@Service
public class TemplateService {

    private final TemplateRepository repository;
    private final ClauseLibrary clauses;
    private final AccessService access;
    private final OperationLogService log;
    private final Clock clock;

    TemplateService(TemplateRepository repository, ClauseLibrary clauses, AccessService access, OperationLogService log,
                    Clock clock) {
        this.repository = repository;
        this.clauses = clauses;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    /** Templates with a published version that the caller may use. */
    public List<TemplateSummary> list(String category) {
        UserProfile user = access.currentUser();
        return repository.all(category).stream()
                .filter(t -> allowed(user, t.id(), TemplateAction.USE) || allowed(user, t.id(), TemplateAction.EDIT))
                .map(t -> {
                    var published = repository.latestPublished(t.id());
                    return new TemplateSummary(t.id(), t.code(), t.name(), t.category(), t.contractType(),
                            published.map(TemplateVersion::version).orElse(null),
                            published.map(v -> v.content().description()).orElse(null));
                })
                .filter(s -> s.publishedVersion() != null || allowed(user, s.id(), TemplateAction.EDIT))
                .toList();
    }

    public TemplateDetail get(String id) {
        UserProfile user = access.currentUser();
        Template template = visible(user, id);
        List<TemplateVersion> versions = repository.versions(id);
        TemplateVersion current = repository.latestPublished(id)
                .orElse(allowed(user, id, TemplateAction.EDIT) && !versions.isEmpty() ? versions.get(versions.size() - 1) : null);
        return new TemplateDetail(template, current, versions.stream()
                .map(v -> new TemplateDetail.VersionLine(v.version(), v.status(), v.contentHash(), v.createdBy(),
                        v.createdAt(), v.publishedAt())).toList(), repository.rules(id));
    }

    public TemplateVersion version(String id, int versionNo) {
        UserProfile user = access.currentUser();
        visible(user, id);
        TemplateVersion v = repository.version(id, versionNo)
                .orElseThrow(() -> BusinessException.notFound("template version", id + "/" + versionNo));
        if (v.status() == TemplateStatus.DRAFT && !allowed(user, id, TemplateAction.EDIT)) {
            throw BusinessException.notFound("template version", id + "/" + versionNo);
        }
        return v;
    }

    /** The version a new contract is drafted from: newest published, and the caller must be allowed to use it. */
    public TemplateVersion versionForDrafting(String id) {
        UserProfile user = access.currentUser();
        Template template = repository.find(id).orElseThrow(() -> BusinessException.notFound("template", id));
        if (!allowed(user, template.id(), TemplateAction.USE)) {
            throw BusinessException.forbidden(TemplateAction.USE.permission().code());
        }
        return repository.latestPublished(id).orElseThrow(() -> BusinessException.stateConflict("error.template.notPublished", template.code()));
    }

    /** A version by its id, for rendering a contract drafted from it (no access check: the contract's applies). */
    public TemplateVersion versionById(String versionId) {
        return repository.versionById(versionId).orElseThrow(() -> BusinessException.notFound("template version", versionId));
    }

    public Template templateOf(TemplateVersion version) {
        return repository.find(version.templateId()).orElseThrow();
    }

    /** Two versions side by side: clauses character by character, variables by their definition. */
    public Comparison diff(String id, int from, int to) {
        TemplateContent a = version(id, from).content();
        TemplateContent b = version(id, to).content();
        return VersionComparison.compare(from, to, clauses(a), clauses(b), schema(a), schema(b));
    }

    private static List<ClauseText> clauses(TemplateContent content) {
        return ClauseText.withPreamble(content.preamble(),
                content.clauses().stream().map(c -> new ClauseText(c.key(), c.heading(), c.text())).toList());
    }

    /** Variables compared by their definition, shown as "label · type · 必填". */
    private static Map<String, String> schema(TemplateContent content) {
        Map<String, String> map = new LinkedHashMap<>();
        content.variables().forEach(v -> map.put(v.name(), v.label() + " · " + v.type() + (v.required() ? " · 必填" : "")));
        return map;
    }

    @Transactional
    public TemplateDetail create(NewTemplate request) {
        UserProfile user = access.require(TemplateAction.EDIT.permission());
        if (repository.findByCode(request.code()).isPresent()) {
            throw BusinessException.stateConflict("error.template.codeTaken", request.code());
        }
        TemplateContent content = withLibraryClauses(request.content());
        validate(content);
        Instant now = now();
        Template template = new Template(UUID.randomUUID().toString(), request.code(), request.name(), request.category(),
                request.contractType(), user.id(), now);
        repository.insert(template);
        repository.insertVersion(new TemplateVersion(UUID.randomUUID().toString(), template.id(), 1, TemplateStatus.DRAFT,
                content, repository.hash(content), user.id(), now, null, null, null));
        log.record(OperationRecord.success(user.id(), OperationAction.CREATE, "template", template.id()).withDetail(template.code()));
        return get(template.id());
    }

    /** Starts the next draft as a copy of the newest version; one draft at a time. */
    @Transactional
    public TemplateVersion newDraft(String id) {
        UserProfile user = requireOn(id, TemplateAction.EDIT);
        List<TemplateVersion> versions = repository.versions(id);
        if (versions.stream().anyMatch(v -> v.status() == TemplateStatus.DRAFT)) {
            throw BusinessException.stateConflict("error.template.draftExists");
        }
        TemplateVersion base = versions.get(versions.size() - 1);
        TemplateVersion draft = new TemplateVersion(UUID.randomUUID().toString(), id, base.version() + 1,
                TemplateStatus.DRAFT, base.content(), base.contentHash(), user.id(), now(), null, null, null);
        repository.insertVersion(draft);
        log.record(OperationRecord.success(user.id(), OperationAction.CREATE, "template", id).withDetail("v" + draft.version()));
        return draft;
    }

    @Transactional
    public TemplateVersion updateDraft(String id, int versionNo, TemplateContent content) {
        UserProfile user = requireOn(id, TemplateAction.EDIT);
        TemplateVersion existing = repository.version(id, versionNo)
                .orElseThrow(() -> BusinessException.notFound("template version", id + "/" + versionNo));
        TemplateContent resolved = withLibraryClauses(content);
        validate(resolved);
        if (existing.status() != TemplateStatus.DRAFT || !repository.updateDraftContent(existing.id(), resolved, repository.hash(resolved))) {
            throw BusinessException.stateConflict("error.template.immutable", versionNo, existing.status());
        }
        log.record(OperationRecord.success(user.id(), OperationAction.MODIFY, "template", id).withDetail("v" + versionNo));
        return repository.version(id, versionNo).orElseThrow();
    }

    @Transactional
    public TemplateVersion publish(String id, int versionNo) {
        return transition(id, versionNo, TemplateStatus.DRAFT, TemplateStatus.PUBLISHED, "error.template.notDraft",
                OperationAction.APPROVE);
    }

    @Transactional
    public TemplateVersion retire(String id, int versionNo) {
        return transition(id, versionNo, TemplateStatus.PUBLISHED, TemplateStatus.RETIRED,
                "error.template.notPublishedVersion", OperationAction.MODIFY);
    }

    private TemplateVersion transition(String id, int versionNo, TemplateStatus from, TemplateStatus to, String conflictKey,
                                       OperationAction action) {
        UserProfile user = requireOn(id, TemplateAction.PUBLISH);
        TemplateVersion v = repository.version(id, versionNo)
                .orElseThrow(() -> BusinessException.notFound("template version", id + "/" + versionNo));
        if (to == TemplateStatus.PUBLISHED) {
            validate(v.content());
        }
        if (!repository.changeStatus(v.id(), from, to, user.id(), now())) {
            throw BusinessException.stateConflict(conflictKey, versionNo, v.status());
        }
        log.record(OperationRecord.success(user.id(), action, "template", id).withDetail(to + " v" + versionNo));
        return repository.version(id, versionNo).orElseThrow();
    }

    @Transactional
    public List<TemplateRule> replaceRules(String id, List<TemplateRule> rules) {
        UserProfile user = requireOn(id, TemplateAction.PUBLISH);
        repository.replaceRules(id, rules);
        log.record(OperationRecord.success(user.id(), OperationAction.PERMISSION_CHANGE, "template", id)
                .withDetail(rules.size() + " rules"));
        return repository.rules(id);
    }

    /**
     * Seeds a catalogue template as published version 1 when its code is new; used at start-up by the
     * catalogue, with the system as author. Returns false when the code already exists.
     */
    @Transactional
    public boolean seedPublished(NewTemplate request, String author) {
        if (repository.findByCode(request.code()).isPresent()) {
            return false;
        }
        TemplateContent content = withLibraryClauses(request.content());
        validate(content);
        Instant now = now();
        Template template = new Template(UUID.randomUUID().toString(), request.code(), request.name(), request.category(),
                request.contractType(), author, now);
        repository.insert(template);
        repository.insertVersion(new TemplateVersion(UUID.randomUUID().toString(), template.id(), 1,
                TemplateStatus.PUBLISHED, content, repository.hash(content), author, now, author, now, null));
        log.record(OperationRecord.success(author, OperationAction.CREATE, "template", template.id())
                .withDetail(template.code() + " v1 published from the catalogue"));
        return true;
    }

    public boolean allowed(UserProfile user, String templateId, TemplateAction action) {
        if (!user.can(action.permission())) {
            return false;
        }
        List<TemplateRule> rules = repository.rules(templateId).stream().filter(r -> r.action() == action).toList();
        return rules.isEmpty() || rules.stream().anyMatch(r -> switch (r.principalType()) {
            case ROLE -> user.roles().contains(r.principalId());
            case DEPARTMENT -> user.departmentIds().contains(r.principalId());
        });
    }

    /** Library clauses referenced by code get their current text, version and hash copied in. */
    private TemplateContent withLibraryClauses(TemplateContent content) {
        List<TemplateClause> resolved = content.clauses().stream().map(c -> {
            if (c.libraryCode() == null) {
                return c;
            }
            var lib = (c.libraryVersion() == null ? clauses.currentUnchecked(c.libraryCode())
                    : clauses.version(c.libraryCode(), c.libraryVersion()));
            if (lib.isEmpty()) {
                return c;  // reported by the content check
            }
            String text = c.text() == null ? lib.get().text() : c.text();
            String heading = c.heading() == null ? lib.get().title() : c.heading();
            return new TemplateClause(c.key(), heading, text, lib.get().code(), lib.get().version(), lib.get().contentHash());
        }).toList();
        return new TemplateContent(content.description(), content.counterparty(), content.amount(), content.effectiveDate(),
                content.expiryDate(), content.preamble(), content.variables(), resolved);
    }

    private void validate(TemplateContent content) {
        List<FieldError> errors = TemplateContentCheck.check(content, code -> clauses.currentUnchecked(code).isPresent());
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors.stream()
                    .map(e -> new FieldError("content." + e.field(), e.messageKey(), e.args())).toList());
        }
    }

    private Template visible(UserProfile user, String id) {
        Template template = repository.find(id).orElseThrow(() -> BusinessException.notFound("template", id));
        if (!allowed(user, id, TemplateAction.USE) && !allowed(user, id, TemplateAction.EDIT)) {
            throw BusinessException.notFound("template", id);
        }
        return template;
    }

    private UserProfile requireOn(String id, TemplateAction action) {
        UserProfile user = access.require(action.permission());
        repository.find(id).orElseThrow(() -> BusinessException.notFound("template", id));
        if (!allowed(user, id, action)) {
            log.record(OperationRecord.denied(user.id(), OperationAction.MODIFY, "template", id, "template rule " + action));
            throw BusinessException.forbidden(action.permission().code());
        }
        return user;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
