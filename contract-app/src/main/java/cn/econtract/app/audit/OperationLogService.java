package cn.econtract.app.audit;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends, verifies, queries, exports and purges the operation log. */
@Service
public class OperationLogService {

    static final String SYSTEM_ACTOR = "system";
    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_DETAIL = 2000;

    private final OperationLogRepository repository;
    private final OperationChain chain;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public OperationLogService(OperationLogRepository repository, KeyEncryptionKeyProvider keys,
                               AuditProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.chain = new OperationChain(keys.macKey("operation-log"));
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // an attempt that fails or is denied is logged even though the caller's work rolls back
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records an operation with the current request's origin. A successful change made inside a
     * transaction is appended in that transaction just before it commits: both commit or neither
     * does, the chain's head row stays locked only for the append, and the request never needs a
     * second pooled connection while it holds other locks (twenty concurrent drafts waiting on one
     * number counter exhausted the pool when every entry took its own transaction). Denials,
     * failures and anything outside a read-write transaction are appended at once in their own.
     */
    public void record(OperationRecord record) {
        record(record, RequestOrigin.current());
    }

    public void record(OperationRecord record, RequestOrigin origin) {
        String actor = record.actor() != null ? record.actor() : currentActor();
        boolean deferrable = record.outcome() == Outcome.SUCCESS
                && TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (!deferrable) {
            ownTransaction.execute(status -> insert(record, actor, origin));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Runnable> pending = (List<Runnable>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Runnable> appends = new java.util.ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, appends);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    appends.forEach(Runnable::run);
                    appends.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OperationLogService.this);
                }
            });
            pending = appends;
        }
        pending.add(() -> insert(record, actor, origin));
    }

    /** Appends at once in its own transaction and answers the entry (maintenance, tests). */
    public OperationEntry append(OperationRecord record) {
        String actor = record.actor() != null ? record.actor() : currentActor();
        RequestOrigin origin = RequestOrigin.current();
        return ownTransaction.execute(status -> insert(record, actor, origin));
    }

    private OperationEntry insert(OperationRecord record, String actor, RequestOrigin origin) {
        OperationLogRepository.Head head = repository.lockHead();
        OperationEntry unsigned = new OperationEntry(head.lastSeq() + 1,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, record.action(),
                record.resourceType(), record.resourceId(), record.outcome(), origin.clientIp(),
                truncate(origin.userAgent(), MAX_USER_AGENT), truncate(record.detail(), MAX_DETAIL),
                head.lastHash(), null);
        OperationEntry entry = withHash(unsigned);
        repository.insert(entry);
        return entry;
    }

    /**
     * Walks the whole chain from the purge anchor (or the genesis) and names the first entry that
     * does not fit: a changed field breaks its HMAC, a removed entry leaves a gap in the sequence,
     * reordered entries break the previous-hash links.
     */
    public ChainVerification verify() {
        OperationLogRepository.Anchor anchor = repository.anchor()
                .orElse(new OperationLogRepository.Anchor(0, OperationChain.GENESIS));
        AtomicReference<ChainVerification> broken = new AtomicReference<>();
        long[] expectedSeq = {anchor.purgedThroughSeq() + 1};
        String[] expectedPrev = {anchor.purgedThroughHash()};
        long[] checked = {0};
        boolean[] anchorConfirmed = {anchor.purgedThroughSeq() == 0};
        repository.forEachInOrder(entry -> {
            if (entry.action() == OperationAction.PURGE && String.valueOf(anchor.purgedThroughSeq()).equals(entry.resourceId())
                    && entry.detail() != null && entry.detail().contains(anchor.purgedThroughHash())) {
                anchorConfirmed[0] = true;
            }
            if (broken.get() != null) {
                return;
            }
            checked[0]++;
            if (entry.seq() != expectedSeq[0]) {
                broken.set(ChainVerification.broken(checked[0], expectedSeq[0],
                        "entry " + expectedSeq[0] + " is missing (next present is " + entry.seq() + ")"));
            } else if (!entry.prevHash().equals(expectedPrev[0])) {
                broken.set(ChainVerification.broken(checked[0], entry.seq(),
                        "entry " + entry.seq() + " does not link to its predecessor (removed or reordered)"));
            } else if (!chain.hash(entry).equals(entry.entryHash())) {
                broken.set(ChainVerification.broken(checked[0], entry.seq(),
                        "entry " + entry.seq() + " was changed after it was written"));
            }
            expectedSeq[0] = entry.seq() + 1;
            expectedPrev[0] = entry.entryHash();
        });
        if (broken.get() != null) {
            return broken.get();
        }
        if (!anchorConfirmed[0]) {
            // entries before the anchor were removed without a logged purge
            return ChainVerification.broken(checked[0], anchor.purgedThroughSeq() + 1,
                    "chain starts after entry " + anchor.purgedThroughSeq() + " but no purge entry records that");
        }
        return ChainVerification.ok(checked[0]);
    }

    public List<OperationEntry> find(OperationQuery query, int page, int size) {
        return repository.find(query, page * size, size);
    }

    public long count(OperationQuery query) {
        return repository.count(query);
    }

    /** Writes matching entries as CSV (UTF-8 with BOM so Excel shows Chinese correctly). */
    public void exportCsv(OperationQuery query, Writer out) {
        try {
            out.write('\uFEFF');
            out.write("seq,occurred_at,actor,action,resource_type,resource_id,outcome,client_ip,user_agent,detail,entry_hash\r\n");
            int page = 0;
            List<OperationEntry> rows;
            do {
                rows = repository.find(query, page++ * 1000, 1000);
                for (OperationEntry e : rows) {
                    out.write(String.join(",", String.valueOf(e.seq()),
                            e.occurredAt().atOffset(ZoneOffset.UTC).toString(), csv(e.actor()), e.action().name(),
                            csv(e.resourceType()), csv(e.resourceId()), e.outcome().name(), csv(e.clientIp()),
                            csv(e.userAgent()), csv(e.detail()), e.entryHash()));
                    out.write("\r\n");
                }
            } while (rows.size() == 1000);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes entries older than the retention period, never newer ones. The purge moves the
     * verification anchor to the last removed entry and is itself logged.
     */
    public int purgeExpired() {
        return purgeExpiredAsOf(clock.instant());
    }

    /** The purge as it would run at {@code now}; entries newer than {@code now - retention} stay. */
    public int purgeExpiredAsOf(Instant now) {
        Instant cutOff = now.atOffset(ZoneOffset.UTC).minus(properties.retention()).toInstant();
        OperationEntry last = repository.lastBefore(cutOff).orElse(null);
        if (last == null) {
            return 0;
        }
        Integer removed = ownTransaction.execute(status -> repository.purgeThrough(last));
        record(new OperationRecord(SYSTEM_ACTOR, OperationAction.PURGE, "operation-log", String.valueOf(last.seq()),
                Outcome.SUCCESS, "removed " + removed + " entries through " + last.seq() + " (hash " + last.entryHash()
                + ") older than " + cutOff), RequestOrigin.NONE);
        return removed == null ? 0 : removed;
    }

    private OperationEntry withHash(OperationEntry e) {
        return new OperationEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.resourceType(), e.resourceId(),
                e.outcome(), e.clientIp(), e.userAgent(), e.detail(), e.prevHash(), chain.hash(e));
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth.getName() : SYSTEM_ACTOR;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // neutralise spreadsheet formulas (CSV injection)
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
