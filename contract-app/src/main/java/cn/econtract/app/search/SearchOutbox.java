package cn.econtract.app.search;

import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.ContractIndexable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The transactional outbox: a change that search shows writes its row in the changing transaction
 * itself, so the index learns of exactly the committed changes; the indexer deletes a row only
 * after the index took it.
 */
@Component
class SearchOutbox {

    /** Reading a contract changes nothing search shows. */
    private static final Set<ContractEvent.Type> IGNORED = EnumSet.of(ContractEvent.Type.DOWNLOADED);

    private final JdbcClient jdbc;
    private final Clock clock;

    SearchOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContractEvent event) {
        if (!IGNORED.contains(event.type())) {
            enqueue(event.contractId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContractIndexable event) {
        enqueue(event.contractId());
    }

    void enqueue(String contractId) {
        jdbc.sql("INSERT INTO search_outbox (contract_id, created_at) VALUES (:c, :at)").param("c", contractId)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
