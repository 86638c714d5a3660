package cn.econtract.app.audit;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
    private static final int MAX_BATCH = 256;

    private final OperationLogRepository repository;
    private final OperationChain chain;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** Group commit of entries written in their own transaction: see {@link #appendNow}. */
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();

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
            appendNow(new Pending(record, actor, origin));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> appends = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, appends);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!appends.isEmpty()) {
                        chainAndInsert(List.copyOf(appends));
                        appends.clear();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(OperationLogService.this);
                }
            });
            pending = appends;
        }
        pending.add(new Pending(record, actor, origin));
    }

    /** Appends at once in its own transaction and answers the entry (maintenance, tests). */
    public OperationEntry append(OperationRecord record) {
        String actor = record.actor() != null ? record.actor() : currentActor();
        return appendNow(new Pending(record, actor, RequestOrigin.current()));
    }

    /**
     * Writes the entry in its own transaction and returns once it is committed — together with the
     * entries other threads are waiting to write (group commit). Every read of a contract is
     * logged this way; one transaction per entry serialised them all on the chain's head row and
     * bounded the API's read rate by the database's commits (bench/RESULTS.md). The first thread
     * to get the writer takes everything queued, so a burst costs one head lock and one commit.
     */
    private OperationEntry appendNow(Pending mine) {
        waiting.add(mine);
        writer.lock();
        try {
            while (!mine.written().isDone()) {
                List<Pending> batch = new ArrayList<>();
                for (Pending next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
                    batch.add(next);
                }
                if (batch.isEmpty()) {
                    throw new IllegalStateException("operation log entry taken by a writer that did not finish it");
                }
                write(batch);
            }
        } finally {
            writer.unlock();
        }
        try {
            return mine.written().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** One transaction for the batch; if it fails, each entry again on its own so one bad entry fails only its caller. */
    private void write(List<Pending> batch) {
        try {
            List<OperationEntry> entries = ownTransaction.execute(status -> chainAndInsert(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).written().complete(entries.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(e);
                return;
            }
            batch.forEach(p -> write(List.of(p)));
        }
    }

    /** Continues the chain from its locked head with these entries, in order. */
    private List<OperationEntry> chainAndInsert(List<Pending> batch) {
        OperationLogRepository.Head head = repository.lockHead();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = head.lastSeq();
        String previous = head.lastHash();
        List<OperationEntry> entries = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            OperationEntry entry = withHash(new OperationEntry(++seq, now, p.actor(), p.record().action(),
                    p.record().resourceType(), p.record().resourceId(), p.record().outcome(), p.origin().clientIp(),
                    truncate(p.origin().userAgent(), MAX_USER_AGENT), truncate(p.record().detail(), MAX_DETAIL),
                    previous, null));
            entries.add(entry);
            previous = entry.entryHash();
        }
        repository.insert(entries);
        return entries;
    }

    private record Pending(OperationRecord record, String actor, RequestOrigin origin, CompletableFuture<OperationEntry> written) {

        Pending(OperationRecord record, String actor, RequestOrigin origin) {
            this(record, actor, origin, new CompletableFuture<>());
        }
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
