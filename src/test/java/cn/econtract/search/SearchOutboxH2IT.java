package cn.econtract.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.kernel.ContractIndexable;
import cn.econtract.app.search.SearchIndexer;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox between the database and the index: a change that rolls back leaves nothing to index
 * (no phantom hit); a committed change waits in the outbox until the indexer took it (no lost hit),
 * and the index shows the contract as it stands, also once deleted.
 */
@OnH2
class SearchOutboxH2IT {

    @LocalServerPort
    int port;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;

    long queued(String contractId) {
        return jdbc.sql("SELECT COUNT(*) FROM search_outbox WHERE contract_id = :c").param("c", contractId).query(Long.class).single();
    }

    JsonNode search(String counterparty) {
        return Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/search?counterparty="
                + URLEncoder.encode(counterparty, StandardCharsets.UTF_8)));
    }

    @Test
    void onlyCommittedChangesReachTheIndexAndNoneIsLost() {
        indexer.drain();
        String counterparty = "外箱测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        String id = PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "12000.00", counterparty);
        assertThat(queued(id)).as("the creation waits in the outbox").isPositive();
        assertThat(search(counterparty).get("total").asLong()).as("not indexed before the indexer ran").isZero();
        assertThat(indexer.drain()).isPositive();
        assertThat(queued(id)).isZero();
        assertThat(search(counterparty).get("total").asLong()).isEqualTo(1);

        // a change that rolls back leaves no row: nothing to index, no phantom
        transaction.executeWithoutResult(status -> {
            events.publishEvent(new ContractIndexable(id));
            status.setRollbackOnly();
        });
        assertThat(queued(id)).isZero();

        // the drafter deletes the draft: the outbox carries it, the next drain removes the hit
        assertThat(Http.basic(port, "drafter", "demo").delete("/api/v1/contracts/" + id).statusCode()).isEqualTo(204);
        assertThat(queued(id)).isPositive();
        assertThat(search(counterparty).get("total").asLong()).as("still there until the indexer ran").isEqualTo(1);
        indexer.drain();
        assertThat(search(counterparty).get("total").asLong()).isZero();

        // a full reindex rebuilds from the database (administrators only): the live contract is back, the deleted one is not
        String kept = "外箱保留" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "13000.00", kept);
        assertThat(Http.basic(port, "drafter", "demo").post("/api/v1/admin/search/reindex", Map.of()).statusCode()).isEqualTo(403);
        assertThat(Http.json(Http.basic(port, "admin", "demo").post("/api/v1/admin/search/reindex", Map.of())).get("contracts").asInt())
                .isPositive();
        assertThat(search(kept).get("total").asLong()).as("indexed by the reindex, without a drain").isEqualTo(1);
        assertThat(search(counterparty).get("total").asLong()).isZero();
    }

    @Test
    void malformedOrUnauthorisedSearchesAreRefused() {
        Http drafter = Http.basic(port, "drafter", "demo");
        for (String bad : new String[] {"sort=SIDEWAYS", "minAmount=lots", "expiresBefore=2026-13-45"}) {
            var r = drafter.get("/api/v1/search?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(Http.anonymous(port).get("/api/v1/search?q=x").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "admin", "demo").get("/api/v1/search?q=x").statusCode()).as("admin holds no contract:view")
                .isEqualTo(403);
        assertThat(drafter.put("/api/v1/contracts/unknown/tags", Map.of("tags", java.util.List.of("x"))).statusCode()).isEqualTo(404);
    }
}
