package cn.econtract.app.clause;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.Sha256;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clause library. Clauses are never edited in place: a change is a new version, and contracts
 * keep pointing at the version they took.
 */
@Service
public class ClauseLibrary {

    private final LibraryClauseRepository repository;
    private final AccessService access;
    private final OperationLogService log;
    private final Clock clock;

    ClauseLibrary(LibraryClauseRepository repository, AccessService access, OperationLogService log, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    public List<LibraryClause> search(String query, String tag, String category) {
        access.require(Permission.TEMPLATE_USE);
        return repository.search(query, tag, category);
    }

    public LibraryClause current(String code) {
        access.require(Permission.TEMPLATE_USE);
        return currentUnchecked(code).orElseThrow(() -> BusinessException.notFound("clause", code));
    }

    public List<LibraryClause> versions(String code) {
        access.require(Permission.TEMPLATE_USE);
        List<LibraryClause> versions = repository.versions(code);
        if (versions.isEmpty()) {
            throw BusinessException.notFound("clause", code);
        }
        return versions;
    }

    /** For the drafting services, which check their own permissions. */
    public Optional<LibraryClause> currentUnchecked(String code) {
        return repository.current(code);
    }

    public Optional<LibraryClause> version(String code, int version) {
        return repository.find(code, version);
    }

    @Transactional
    public LibraryClause addVersion(NewClauseVersion request) {
        return store(request, access.require(Permission.TEMPLATE_EDIT).id());
    }

    /** Stores a new version unless the text is unchanged; also used by the catalogue at start-up as "system". */
    @Transactional
    public LibraryClause store(NewClauseVersion request, String user) {
        Optional<LibraryClause> current = repository.current(request.code());
        String text = normalise(request.text());
        if (current.isPresent() && current.get().text().equals(text) && current.get().title().equals(request.title())) {
            return current.get();
        }
        LibraryClause clause = new LibraryClause(request.code(), repository.nextVersion(request.code()),
                request.category(), request.title(), request.tags() == null ? List.of() : request.tags(), text,
                hash(text), user, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        repository.insert(clause);
        log.record(OperationRecord.success(user, OperationAction.CREATE, "clause", clause.code()).withDetail("v" + clause.version()));
        return clause;
    }

    /** The hash contracts compare against: over the text with line endings and trailing blanks normalised. */
    public static String hash(String text) {
        return Sha256.hex(normalise(text));
    }

    public static String normalise(String text) {
        return text.replace("\r\n", "\n").strip().lines().map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
