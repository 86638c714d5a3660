package cn.econtract.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.webhook.WebhookDispatcher;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 (G4): an OA system subscribes to lifecycle events and receives them signed; a receiver
 * that fails gets the event again after the backoff; the delivery log shows every attempt and a
 * delivery can be replayed. The receiver is a real HTTP server in this JVM.
 */
@OnH2
class WebhooksH2IT {

    record Received(Map<String, String> headers, String body) {
    }

    @LocalServerPort
    int port;
    @Autowired
    WebhookDispatcher dispatcher;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/oa/events", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    @Test
    void aSubscribedSystemReceivesSignedEventsAgainAfterAFailureAndOnReplay() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/oa/events";
        assertThat(as("drafter").post("/api/v1/admin/webhooks", Map.of("name", "OA", "url", url, "events", List.of("contract.submitted")))
                .statusCode()).as("administrators only").isEqualTo(403);
        HttpResponse<String> badUrl = as("admin").post("/api/v1/admin/webhooks", Map.of("name", "OA", "url", "file:///etc/passwd",
                "events", List.of("contract.submitted")));
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("url");
        assertThat(as("admin").post("/api/v1/admin/webhooks", Map.of("name", "OA", "url", url, "events", List.of("contract.exploded")))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> created = as("admin").post("/api/v1/admin/webhooks", Map.of("name", "泛微OA", "url", url,
                "events", List.of("contract.submitted", "contract.approved")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String subscription = Http.json(created).at("/subscription/id").asText();
        String secret = Http.json(created).get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(as("admin").get("/api/v1/admin/webhooks").body()).as("the secret is shown once").doesNotContain(secret);

        // the drafter submits: one delivery, sent signed; the receiver fails the first time
        String id = PurchaseDraft.create(as("drafter"), "66000.00", "推送测试" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode())
                .as("a refused change sends nothing").isEqualTo(409);
        List<JsonNode> log = deliveries(subscription, id);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("event").asText()).isEqualTo("contract.submitted");

        Instant now = Instant.now();
        answers.add(500);
        dispatcher.dispatch(now);
        assertThat(received).hasSize(1);
        JsonNode failed = deliveries(subscription, id).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("PENDING");
        assertThat(failed.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(Instant.parse(failed.get("nextAttemptAt").asText())).isAfter(now.plusSeconds(25));
        dispatcher.dispatch(now.plusSeconds(5));
        assertThat(received).as("not before the backoff").hasSize(1);
        dispatcher.dispatch(now.plus(Duration.ofSeconds(31)));
        assertThat(received).hasSize(2);
        JsonNode delivered = deliveries(subscription, id).get(0);
        assertThat(delivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);

        // what arrived: the signature checks out with the secret; the payload names the contract, not its text
        Received second = received.get(1);
        assertThat(second.headers().get("x-econtract-signature"))
                .isEqualTo("sha256=" + hmac(secret, second.headers().get("x-econtract-timestamp") + "." + second.body()));
        assertThat(second.headers().get("x-econtract-signature")).as("another secret does not verify")
                .isNotEqualTo("sha256=" + hmac(secret + "x", second.headers().get("x-econtract-timestamp") + "." + second.body()));
        JsonNode payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(second.body());
        assertThat(payload.get("event").asText()).isEqualTo("contract.submitted");
        assertThat(payload.at("/contract/id").asText()).isEqualTo(id);
        assertThat(payload.at("/contract/status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(second.body()).doesNotContain("数控车床");
        assertThat(second.headers().get("x-econtract-delivery")).isEqualTo(delivered.get("id").asText());

        // replayed on request, with the same delivery id (receivers de-duplicate by it)
        assertThat(as("admin").post("/api/v1/admin/webhooks/deliveries/" + delivered.get("id").asText() + "/replay", Map.of()).statusCode())
                .isEqualTo(202);
        dispatcher.dispatch(Instant.now().plusSeconds(1));
        assertThat(received).hasSize(3);
        assertThat(received.get(2).headers().get("x-econtract-delivery")).isEqualTo(delivered.get("id").asText());

        // stopped: no more deliveries
        assertThat(as("admin").delete("/api/v1/admin/webhooks/" + subscription).statusCode()).isEqualTo(204);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/withdraw", Map.of()).statusCode()).isEqualTo(200);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
        assertThat(deliveries(subscription, id)).hasSize(1);
    }

    private List<JsonNode> deliveries(String subscription, String contractId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        Http.json(as("admin").get("/api/v1/admin/webhooks/" + subscription + "/deliveries")).forEach(d -> {
            if (d.get("contractId").asText().equals(contractId)) {
                out.add(d);
            }
        });
        return out;
    }

    private static String hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
