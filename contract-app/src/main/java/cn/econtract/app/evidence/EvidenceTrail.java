package cn.econtract.app.evidence;

import cn.econtract.app.kernel.ContractEvent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends one chained entry per {@link ContractEvent}. The append runs in the publisher's
 * transaction just before it commits (the event and the change it records commit together, and the
 * head row is locked only for the append); without a read-write transaction it takes its own.
 */
@Service
public class EvidenceTrail {

    static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 600;

    private final EvidenceRepository repository;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    EvidenceTrail(EvidenceRepository repository, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Ordered before the operation log's own before-commit append, so every transaction takes the
     * two chain heads in the same order (evidence, then operation log) and two cannot deadlock.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void on(ContractEvent event) {
        String actor = event.actor() != null ? event.actor() : currentActor();
        boolean joinable = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (joinable) {
            append(event, actor);
        } else {
            ownTransaction.execute(status -> append(event, actor));
        }
    }

    /** Appends at once in its own transaction (maintenance, benchmarks, tests). */
    public EvidenceEntry record(ContractEvent event) {
        String actor = event.actor() != null ? event.actor() : currentActor();
        return ownTransaction.execute(status -> append(event, actor));
    }

    public List<EvidenceEntry> ofContract(String contractId) {
        return repository.ofContract(contractId);
    }

    private EvidenceEntry append(ContractEvent event, String actor) {
        EvidenceRepository.Head head = repository.lockHead();
        String detail = event.detail() == null || event.detail().length() <= MAX_DETAIL ? event.detail()
                : event.detail().substring(0, MAX_DETAIL);
        EvidenceEntry entry = EvidenceHashing.sealed(new EvidenceEntry(head.lastSeq() + 1, event.type(), event.contractId(),
                actor, clock.instant().truncatedTo(ChronoUnit.MILLIS), event.version(), event.documentHash(), detail,
                head.lastHash(), null));
        repository.insert(entry);
        return entry;
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth.getName() : SYSTEM;
    }
}
