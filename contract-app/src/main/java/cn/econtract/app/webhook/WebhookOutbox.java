package cn.econtract.app.webhook;

import cn.econtract.app.contract.ContractService;
import cn.econtract.app.kernel.ContractEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns a lifecycle event into one delivery per subscribed system, in the transaction that made the
 * change: a rolled-back change sends nothing, a committed one is never lost. The payload names the
 * contract (id, number, status, department) and the event — never the contract's text.
 */
@Component
class WebhookOutbox {

    private final JdbcClient jdbc;
    private final ContractService contracts;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(JdbcClient jdbc, ContractService contracts, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.json = json;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContractEvent event) {
        String name = WebhookEvents.of(event).orElse(null);
        if (name == null) {
            return;
        }
        List<String> subscribers = jdbc.sql("SELECT id, events FROM webhook_subscription WHERE active = TRUE")
                .query((rs, n) -> List.of(rs.getString(2).split(",")).contains(name) ? rs.getString(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        if (subscribers.isEmpty()) {
            return;
        }
        ContractService.Header contract = contracts.header(event.contractId());
        Instant now = clock.instant();
        for (String subscription : subscribers) {
            String id = UUID.randomUUID().toString();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", id);
            payload.put("event", name);
            payload.put("occurredAt", now.toString());
            payload.put("contract", Map.of("id", contract.id(), "contractNo", contract.contractNo(), "status", contract.status().name(),
                    "departmentId", contract.departmentId()));
            payload.put("detail", event.detail() == null ? "" : event.detail());
            jdbc.sql("INSERT INTO webhook_delivery (id, subscription_id, event, contract_id, payload, status, attempts, next_attempt_at, created_at) "
                            + "VALUES (:id, :s, :e, :c, :p, 'PENDING', 0, :at, :at)")
                    .param("id", id).param("s", subscription).param("e", name).param("c", contract.id()).param("p", write(payload))
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        }
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
