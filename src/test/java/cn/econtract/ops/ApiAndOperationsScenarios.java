package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Problem+json errors, health, metrics and the API description, as clients and operators see them. */
abstract class ApiAndOperationsScenarios {

    @LocalServerPort
    int port;

    @Test
    void invalidContractGetsOneErrorPerFieldAndChangesNothing() {
        Http drafter = Http.basic(port, "drafter", "demo");
        int before = Http.json(drafter.get("/api/v1/contracts?size=200")).size();

        HttpResponse<String> response = drafter.post("/api/v1/contracts",
                Map.of("title", "", "contractType", "purchase!", "amount", "-5", "currency", "yuan"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "contractType", "amount", "currency");
        assertThat(Http.json(drafter.get("/api/v1/contracts?size=200")).size()).isEqualTo(before);
    }

    @Test
    void errorsSpeakTheCallersLanguage() {
        Http drafter = Http.basic(port, "drafter", "demo");
        HttpResponse<String> zh = drafter.post("/api/v1/contracts", Map.of("title", "", "contractType", "PURCHASE"));
        assertThat(Http.json(zh).get("title").asText()).isEqualTo("请求参数校验失败");
        HttpResponse<String> en = drafter.post("/api/v1/contracts?lang=en", Map.of("title", "", "contractType", "PURCHASE"));
        assertThat(Http.json(en).get("title").asText()).isEqualTo("Validation failed");
    }

    @Test
    void malformedJsonAndWrongTypesAreClientErrors() {
        Http drafter = Http.basic(port, "drafter", "demo");
        HttpResponse<String> broken = drafter.postRaw("/api/v1/contracts", "application/json", "{\"title\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Http.json(broken).get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        HttpResponse<String> page = drafter.get("/api/v1/contracts?page=abc");
        assertThat(page.statusCode()).isEqualTo(400);
        HttpResponse<String> size = drafter.get("/api/v1/contracts?size=100000");
        assertThat(size.statusCode()).isEqualTo(400);
        assertThat(Http.json(size).get("code").asText()).isEqualTo("VALIDATION_FAILED");

        HttpResponse<String> xml = drafter.postRaw("/api/v1/contracts", "application/xml", "<contract/>");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(Http.json(xml).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        Http drafter = Http.basic(port, "drafter", "demo");
        int before = Http.json(drafter.get("/api/v1/contracts?size=200")).size();
        String huge = "{\"title\":\"大合同\",\"contractType\":\"PURCHASE\",\"body\":\"" + "合".repeat(1_200_000) + "\"}";

        HttpResponse<String> response = drafter.postRaw("/api/v1/contracts", "application/json", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(Http.json(drafter.get("/api/v1/contracts?size=200")).size()).isEqualTo(before);
    }

    @Test
    void missingContractIsNotFoundProblem() {
        HttpResponse<String> response = Http.basic(port, "legal", "demo").get("/api/v1/contracts/no-such-id");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyDraftsCanBeDeleted() {
        Http drafter = Http.basic(port, "drafter", "demo");
        String id = Http.json(drafter.post("/api/v1/contracts", Map.of("title", "保密协议", "contractType", "NDA"))).get("id").asText();
        assertThat(drafter.delete("/api/v1/contracts/" + id).statusCode()).isEqualTo(204);
        assertThat(drafter.get("/api/v1/contracts/" + id).statusCode()).isEqualTo(404);
        assertThat(drafter.delete("/api/v1/contracts/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void contractNumbersFollowTheScheme() {
        Http drafter = Http.basic(port, "drafter", "demo");
        JsonNode a = Http.json(drafter.post("/api/v1/contracts", Map.of("title", "采购合同", "contractType", "PURCHASE")));
        JsonNode b = Http.json(drafter.post("/api/v1/contracts", Map.of("title", "采购合同", "contractType", "PURCHASE")));
        assertThat(a.get("contractNo").asText()).matches("CG-20\\d\\d-\\d{6}");
        long first = Long.parseLong(a.get("contractNo").asText().substring(8));
        assertThat(b.get("contractNo").asText()).endsWith(String.format("%06d", first + 1));
    }

    @Test
    void healthAndProbesAreOpenToOrchestrators() {
        Http anonymous = Http.anonymous(port);
        assertThat(Http.json(anonymous.get("/actuator/health")).get("status").asText()).isEqualTo("UP");
        assertThat(Http.json(anonymous.get("/actuator/health/liveness")).get("status").asText()).isEqualTo("UP");
        assertThat(Http.json(anonymous.get("/actuator/health/readiness")).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCoverRoutesPoolAndJobExecutor() {
        Http.basic(port, "drafter", "demo").get("/api/v1/contracts");
        assertThat(Http.anonymous(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(Http.basic(port, "drafter", "demo").get("/actuator/prometheus").statusCode()).isEqualTo(403);

        String metrics = Http.basic(port, "admin", "demo").get("/actuator/prometheus", "text/plain").body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{").contains("uri=\"/api/v1/contracts\"");
        assertThat(metrics).contains("hikaricp_connections_active").contains("camunda_jobs_executable")
                .contains("camunda_incidents_open");
    }

    @Test
    void openApiDescribesThePublicApi() {
        assertThat(Http.anonymous(port).get("/v3/api-docs").statusCode()).isEqualTo(401);
        JsonNode api = Http.json(Http.basic(port, "drafter", "demo").get("/v3/api-docs"));
        List<String> paths = new java.util.ArrayList<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/v1/contracts", "/api/v1/contracts/{id}", "/api/v1/tasks", "/api/v1/me",
                "/api/v1/audit/operations", "/api/v1/admin/roles");
        assertThat(Http.basic(port, "drafter", "demo").get("/swagger-ui/index.html", "text/html").statusCode()).isEqualTo(200);
    }
}
