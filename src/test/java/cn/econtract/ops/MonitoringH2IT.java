package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 9 (O1): the shipped Prometheus alert rules and Grafana dashboard only use metrics the
 * platform really exposes, every rule is complete, and an alert sent by Alertmanager reaches the
 * on-call people through the platform's own e-mail and SMS ports.
 */
@OnH2
class MonitoringH2IT {

    private static final Pattern METRIC = Pattern.compile("\\b((?:http_server_requests_seconds|hikaricp|camunda|disk|jvm|econtract)_[a-z_]+)\\{");

    @LocalServerPort
    int port;

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertRulesAndTheDashboardUseOnlyMetricsThePlatformExposes() throws Exception {
        as("drafter").get("/api/v1/contracts");  // some API traffic, so the request histogram has an /api series
        String scrape = as("admin").get("/actuator/prometheus", "text/plain").body();
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("..", "ops", "monitoring", "prometheus-alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).as(String.valueOf(rule.get("alert"))).containsKeys("alert", "expr", "for", "labels", "annotations");
                assertThat((Map<String, String>) rule.get("labels")).containsKey("severity");
                assertThat((Map<String, String>) rule.get("annotations")).containsKeys("summary", "description");
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("..", "ops", "monitoring", "grafana-dashboard.json")));
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        Set<String> used = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).contains("http_server_requests_seconds_bucket", "hikaricp_connections_pending", "camunda_jobs_failed",
                "econtract_deliveries_pending", "disk_free_bytes");
        for (String metric : used) {
            assertThat(scrape).as("the platform exposes " + metric).containsPattern("(?m)^" + metric + "\\{");
        }
    }

    @Test
    void anAlertReachesTheOnCallPeopleByEmailAndSms() {
        Map<String, Object> notification = Map.of("status", "firing", "alerts", List.of(Map.of("status", "firing",
                "labels", Map.of("alertname", "EcontractFailedJobs", "severity", "critical", "instance", "node-1:8080"),
                "annotations", Map.of("summary", "Jobs out of retries", "description", "Open Cockpit"), "startsAt", "2026-11-29T08:00:00Z")));
        assertThat(as("drafter").post("/api/v1/admin/alerts", notification).statusCode()).isEqualTo(403);
        assertThat(as("admin").post("/api/v1/admin/alerts", Map.of("status", "firing")).statusCode()).isEqualTo(400);
        var relayed = as("admin").post("/api/v1/admin/alerts", notification);
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(202);
        assertThat(Http.json(relayed).get("messages").asInt()).isEqualTo(2);
        assertThat(Http.json(as("admin").get("/api/v1/notifications/outbox?destination=oncall@demo.econtract.cn")).get(0).get("body").asText())
                .contains("EcontractFailedJobs").contains("Jobs out of retries").contains("node-1:8080");
        assertThat(Http.json(as("admin").get("/api/v1/notifications/outbox?destination=13800000001")).get(0).get("body").asText())
                .contains("告警 FIRING").contains("EcontractFailedJobs");
    }
}
