package cn.econtract.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 9 (G4): an ERP system calls the API with a key that acts as a service account (its roles
 * scope what it may do), is limited to its rate with Retry-After, and retries a creating call safely
 * with an Idempotency-Key.
 */
@OnH2
class ApiClientsH2IT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    @Test
    void anErpSystemCallsWithItsKeyWithinItsRateAndRetriesCreationSafely() throws Exception {
        String account = "erp" + UUID.randomUUID().toString().substring(0, 6);
        directory.ensureUser(account, "ERP", "系统", account + "@demo.econtract.cn", UUID.randomUUID().toString(), false);
        directory.ensureMembership(account, "drafter");
        directory.ensureMembership(account, "purchasing");
        assertThat(as("drafter").post("/api/v1/admin/api-clients", Map.of("name", "SAP", "userId", account)).statusCode()).isEqualTo(403);
        assertThat(as("admin").post("/api/v1/admin/api-clients", Map.of("name", "SAP", "userId", "nobody-" + account)).statusCode())
                .isEqualTo(400);
        HttpResponse<String> created = as("admin").post("/api/v1/admin/api-clients", Map.of("name", "SAP ERP", "userId", account,
                "ratePerSecond", 2));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = Http.json(created).get("apiKey").asText();
        String clientId = Http.json(created).at("/client/id").asText();
        assertThat(as("admin").get("/api/v1/admin/api-clients").body()).doesNotContain(key);

        // the key is the service account: its drafter role in purchasing decides what it reaches
        assertThat(call("GET", "/api/v1/me", key, null, null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(call("GET", "/api/v1/me", key, null, null).body()).get("id").asText()).isEqualTo(account);
        HttpResponse<String> wrong = call("GET", "/api/v1/me", "eck_" + "x".repeat(43), null, null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(call("GET", "/api/v1/admin/api-clients", key, null, null).statusCode()).as("not an administrator").isEqualTo(403);
        Thread.sleep(1100);

        // a creating call retried with the same key creates once and answers the same
        String title = "ERP 推送采购合同 " + UUID.randomUUID().toString().substring(0, 6);
        String body = JSON.writeValueAsString(Map.of("templateId", PurchaseDraft.templateId(as("drafter")), "title", title,
                "variables", PurchaseDraft.variables()));
        HttpResponse<String> first = call("POST", "/api/v1/contracts", key, body, "po-4711");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        Thread.sleep(1100);
        HttpResponse<String> again = call("POST", "/api/v1/contracts", key, body, "po-4711");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(JSON.readTree(first.body()).get("id").asText());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contract WHERE title = :t").param("t", title).query(Long.class).single()).isEqualTo(1);
        Thread.sleep(1100);
        assertThat(call("POST", "/api/v1/contracts", key, body.replace(title, title + "（改）"), "po-4711").statusCode())
                .as("the same key for another request").isEqualTo(422);
        assertThat(call("POST", "/api/v1/contracts", key, body, "no spaces!").statusCode()).isEqualTo(400);
        Thread.sleep(1100);

        // its rate: 2 per second, bursts of 4; beyond, 429 with Retry-After
        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(call("GET", "/api/v1/me", key, null, null));
        }
        HttpResponse<String> limited = burst.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 in " + burst.stream().map(HttpResponse::statusCode).toList()));
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(burst.stream().filter(r -> r.statusCode() == 200).count()).isBetween(4L, 5L);

        // revoked: refused at once
        assertThat(as("admin").delete("/api/v1/admin/api-clients/" + clientId).statusCode()).isEqualTo(204);
        Thread.sleep(1100);
        assertThat(call("GET", "/api/v1/me", key, null, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String method, String path, String key, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "ApiKey " + key).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
