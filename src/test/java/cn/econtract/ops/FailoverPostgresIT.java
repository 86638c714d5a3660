package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.ContractPlatformApplication;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.support.Approvals;
import cn.econtract.support.EmbeddedPostgres;
import cn.econtract.support.Http;
import cn.econtract.support.Nodes;
import cn.econtract.support.PurchaseDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 9 (G3): two application nodes on one PostgreSQL share the job executor. A contract is
 * submitted on node A; node A goes away; node B's job executor fires the approval's reminder timer
 * and the approvers finish the round on node B. (The node is stopped, not killed with -9: a job a
 * dying node had locked is picked up by the other once its lock expires, which the short lock time
 * here would allow, but cannot be staged inside one JVM.)
 */
class FailoverPostgresIT {

    @Test
    void aFlowStartedOnOneNodeIsFinishedByTheOtherWhenTheFirstGoesAway() throws Exception {
        String database = EmbeddedPostgres.database("econtract_failover");
        Path shared = Files.createTempDirectory("econtract-failover");
        ConfigurableApplicationContext a = node("nodea", database, shared);
        ConfigurableApplicationContext b = null;
        try {
            b = node("nodeb", database, shared);
            int portA = Nodes.port(a);
            int portB = Nodes.port(b);
            String id = PurchaseDraft.create(Http.basic(portA, "drafter", "demo"), "66000.00",
                    "双节点" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
            assertThat(Http.basic(portA, "drafter", "demo").post("/api/v1/contracts/" + id + "/submit", java.util.Map.of()).statusCode())
                    .isEqualTo(200);
            a.close();
            Instant aGone = Instant.now();

            // node B alone: its job executor fires the reminder timer the round started on node A
            HistoryService history = b.getBean(HistoryService.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (reminded(history, id) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(reminded(history, id)).as("node B ran the reminder").isPositive();
            assertThat(firstReminder(history, id)).as("after node A had gone").isAfter(aGone);

            // and the approvers finish the round there
            DirectoryService directory = b.getBean(DirectoryService.class);
            Approvals.approveSubmitted(id, "drafter", u -> Http.basic(portB, u, "demo"), b.getBean(TaskService.class),
                    g -> directory.members(g, null));
            assertThat(Http.json(Http.basic(portB, "drafter", "demo").get("/api/v1/contracts/" + id)).get("status").asText())
                    .isEqualTo("APPROVED");
        } finally {
            if (a.isActive()) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    /** How often the reminder step of the contract's approval round has run. */
    private static long reminded(HistoryService history, String contractId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contractId).list().stream()
                .mapToLong(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).activityId("Task_Remind")
                        .finished().count()).sum();
    }

    private static Instant firstReminder(HistoryService history, String contractId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contractId).list().stream()
                .flatMap(p -> history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).activityId("Task_Remind").list().stream())
                .map(a -> a.getStartTime().toInstant()).min(Instant::compareTo).orElseThrow();
    }

    private static ConfigurableApplicationContext node(String name, String database, Path shared) {
        // as command-line arguments: they win over the profiles' files, as an operator's settings would
        return new SpringApplicationBuilder(ContractPlatformApplication.class).profiles("postgres", "test").run(
                // no Tasklist/Cockpit: Camunda's webapps keep their engine in static fields, which a closed node would leave behind
                "--server.port=0", "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000", "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--econtract.identity.demo-data=true", "--econtract.crypto.generate-if-missing=true",
                "--econtract.crypto.keystore-path=" + shared.resolve("keys/kek.p12"),
                "--econtract.storage.local-directory=" + shared.resolve("documents"),
                "--econtract.approval.reminder-after=PT3S", "--econtract.approval.escalate-after=PT1H");
    }
}
