package cn.econtract.app.search;

import cn.econtract.app.contract.Contract;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.contract.ContractAttachments;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.contract.ContractTags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed changes from the outbox into the index: each contract as it stands now (or
 * removed once deleted), then the rows it came from. After a crash the rows are still there and
 * the next drain indexes them again (upserts are idempotent). An in-memory engine is rebuilt from
 * the database at start.
 */
@Service
public class SearchIndexer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int BATCH = 200;

    private final SearchIndex index;
    private final ContractService contracts;
    private final ContractTags tags;
    private final ContractAttachments attachments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SearchProperties properties;

    SearchIndexer(SearchIndex index, ContractService contracts, ContractTags tags, ContractAttachments attachments, JdbcClient jdbc,
                  TransactionTemplate transaction, SearchProperties properties) {
        this.index = index;
        this.contracts = contracts;
        this.tags = tags;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT5S")
    void scheduled() {
        if (properties.autoDrain()) {
            drain();
        }
    }

    /** Indexes what the outbox holds; answers how many rows it took. */
    public synchronized int drain() {
        int taken = 0;
        while (true) {
            List<Object[]> rows = jdbc.sql("SELECT seq, contract_id FROM search_outbox ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
            if (rows.isEmpty()) {
                return taken;
            }
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(r -> ids.add((String) r[1]));
            List<IndexedContract> upserts = new ArrayList<>();
            for (String id : ids) {
                Optional<IndexedContract> current = transaction.execute(status -> load(id));
                if (current.isPresent()) {
                    upserts.add(current.get());
                } else {
                    index.delete(id);
                }
            }
            upserts.forEach(index::upsert);
            // exactly the rows taken: a row of a transaction still open stays for the next drain
            jdbc.sql("DELETE FROM search_outbox WHERE seq IN (:seqs)").param("seqs", rows.stream().map(r -> r[0]).toList()).update();
            taken += rows.size();
        }
    }

    /** Rebuilds the whole index from the database. */
    public synchronized int reindexAll() {
        index.clear();
        List<String> ids = contracts.idsForIndexing();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            List<IndexedContract> docs = transaction.execute(status -> batch.stream().map(this::load).flatMap(Optional::stream).toList());
            index.upsertAll(docs);
        }
        if (index instanceof ElasticsearchSearchIndex elastic) {
            elastic.refresh();
        }
        return ids.size();
    }

    /**
     * The contract as it stands now, empty once deleted. One that cannot be read (its ciphertext no
     * longer authenticates) is left out with an error in the log rather than stopping the index for
     * everyone; the evidence check reports it as tampered.
     */
    private Optional<IndexedContract> load(String id) {
        try {
            return contracts.forIndexing(id).map(c -> indexed(c, attachments.textForIndexing(id), tags.of(id)));
        } catch (TamperedDataException e) {
            log.error("Contract {} left out of the search index: its stored data does not authenticate", id);
            return Optional.empty();
        }
    }

    /** The contract as the index holds it; its attachments' names and text follow the body, so full text finds them too. */
    static IndexedContract indexed(Contract c, String attachmentText, List<String> tags) {
        String body = attachmentText.isEmpty() ? c.body() : (c.body() == null ? "" : c.body()) + attachmentText;
        return new IndexedContract(c.id(), c.contractNo(), c.title(), body, c.counterpartyName(), c.contractType(),
                c.departmentId(), c.status().name(), signingStatus(c.status()), c.amount() == null ? null : c.amount().doubleValue(),
                c.effectiveDate(), c.expiryDate(), tags, c.createdBy(), c.updatedAt());
    }

    /** UNSIGNED until signing starts, SIGNING while it runs, SIGNED from in force on. */
    static String signingStatus(ContractStatus status) {
        return switch (status) {
            case SIGNING -> "SIGNING";
            case IN_FORCE, COMPLETED, ARCHIVED -> "SIGNED";
            default -> "UNSIGNED";
        };
    }

    /** The in-memory engine starts empty: fill it from the database, in the background. */
    @Override
    public void run(ApplicationArguments args) {
        if (index instanceof LuceneSearchIndex) {
            Thread rebuild = new Thread(() -> {
                try {
                    int n = reindexAll();
                    log.info("Search index rebuilt in memory: {} contracts ({})", n, index.describe());
                } catch (RuntimeException e) {
                    log.error("Search index rebuild failed", e);
                }
            }, "search-rebuild");
            rebuild.setDaemon(true);
            rebuild.start();
        }
    }
}
