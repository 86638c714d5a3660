package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.identity.GroupType;
import cn.econtract.app.signing.InProcessSigningWorker;
import cn.econtract.app.signing.SigningTopics;
import cn.econtract.app.storage.StorageProperties;
import cn.econtract.support.Http;
import cn.econtract.support.OnPostgres;
import cn.econtract.support.PackagedJar;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.SignedContracts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A2: the signing worker as a separate process of the packaged jar ({@code java -jar … signing-worker})
 * on this application's engine REST API, PostgreSQL, key store and document store — and killed
 * mid-task. The first worker talks to the engine through a proxy that holds back its "complete"
 * call, so it is killed (SIGKILL) after storing the closing revision and before the engine heard
 * of it: the worst moment. A second worker takes the task once the lock expires and must add
 * nothing: one closing revision, one archive time-stamp, no second signature or evidence entry.
 */
@OnPostgres
class SigningWorkerProcessPostgresIT {

    private static final String WORKER_PASSWORD = "worker-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    InProcessSigningWorker inProcess;
    @Autowired
    CryptoProperties crypto;
    @Autowired
    StorageProperties storage;
    @TempDir
    Path dir;

    @Test
    void aWorkerKilledAfterStoringTheClosingRevisionLosesNothingAndTheNextAddsNothing() throws Exception {
        directory.ensureUser("signworker1", "签署", "服务", null, WORKER_PASSWORD, false);
        directory.ensureMembership("signworker1", GroupType.SIGNING_WORKER_GROUP);
        Function<String, Http> as = user -> Http.basic(port, user, "demo");
        inProcess.stop();  // only the worker processes below may take the task
        HttpServer proxy = null;
        Process first = null;
        Process second = null;
        CountDownLatch release = new CountDownLatch(1);
        try {
            String id = PurchaseDraft.create(as.apply("drafter"), "76000.00", "供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司");
            SignedContracts.lastSignature(as, tasks, directory, id);
            String signing = runtime.createProcessInstanceQuery().processDefinitionKey("contract-signing")
                    .processInstanceBusinessKey(id).singleResult().getId();
            assertThat(externalTasks.createExternalTaskQuery().processInstanceId(signing).topicName(SigningTopics.LONG_TERM).count())
                    .as("the last signature leaves 长期验证 to a worker").isOne();
            assertThat(status(as, id)).isEqualTo("SIGNING");
            int revisionsBefore = revisions(id);
            int closing = jdbc.queryForObject("SELECT MAX(revision) FROM signed_document WHERE contract_id = ?", Integer.class, id) + 1;
            List<String> evidenceBefore = evidence(id);

            AtomicInteger completions = new AtomicInteger();
            proxy = engineProxy(completions, release);
            first = worker("first.log", "http://localhost:" + proxy.getAddress().getPort() + "/engine-rest");
            Process watched = first;
            await(() -> completions.get() > 0 || !watched.isAlive(), 120, "the first worker asked to complete the task");
            assertThat(completions.get()).as(log("first.log")).isPositive();
            assertThat(closingRevisions(id)).as("stored before the complete call").isEqualTo(1);

            first.destroyForcibly();  // SIGKILL: no shutdown hook, no chance to answer
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(signing).singleResult();
            assertThat(task).as("the task survives its worker").isNotNull();
            assertThat(task.getWorkerId()).as("still locked by the dead worker").startsWith("signing-worker-");
            assertThat(status(as, id)).isEqualTo("SIGNING");
            List<String> evidenceAtKill = evidence(id);

            second = worker("second.log", "http://localhost:" + port + "/engine-rest");
            Process retrying = second;
            await(() -> "IN_FORCE".equals(status(as, id)) || !retrying.isAlive(), 180, "the second worker finished the task");
            assertThat(status(as, id)).as(log("second.log")).isEqualTo("IN_FORCE");
            assertThat(log("second.log")).contains("already closed by revision " + closing);

            assertThat(jdbc.queryForList("SELECT revision FROM signed_document WHERE contract_id = ? AND kind = 'ARCHIVE'", Integer.class, id))
                    .as("one closing revision").containsExactly(closing);
            assertThat(revisions(id)).isEqualTo(revisionsBefore + 1);
            assertThat(evidenceBefore).containsOnlyOnce("SIGNED");
            assertThat(evidence(id)).as("nothing signed twice").containsOnlyOnce("SIGNED")
                    .startsWith(evidenceAtKill.toArray(String[]::new));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_log WHERE resource_id = ? AND detail LIKE 'signing complete%'",
                    Integer.class, id)).isOne();
            byte[] pdf = as.apply("drafter").getBytes("/api/v1/contracts/" + id + "/document").body();
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<String> kinds = document.getSignatureDictionaries().stream().map(PDSignature::getSubFilter).toList();
                assertThat(kinds).as("the signer's signature and one archive time-stamp")
                        .containsExactly("ETSI.CAdES.detached", "ETSI.RFC3161");
            }
        } finally {
            release.countDown();
            for (Process p : new Process[] {first, second}) {
                if (p != null) {
                    p.destroy();
                    p.waitFor(20, TimeUnit.SECONDS);
                }
            }
            if (proxy != null) {
                proxy.stop(0);
            }
            inProcess.start();
        }
    }

    private Process worker(String log, String engineUrl) throws IOException {
        List<String> args = new ArrayList<>(List.of("signing-worker", "--econtract.signing.worker.engine-url=" + engineUrl,
                "--econtract.signing.worker.username=signworker1", "--econtract.signing.worker.poll-interval=PT0.2S",
                "--econtract.signing.worker.lock-duration=PT5S", "--econtract.storage.local-directory=" + storage.localDirectory()));
        args.addAll(PackagedJar.onTestDatabase(crypto.keystorePath()));
        return PackagedJar.start(dir.resolve(log), Map.of("ECONTRACT_SIGNING_WORKER_PASSWORD", WORKER_PASSWORD), args);
    }

    /**
     * Passes the worker's calls to the engine REST API, except "complete": counted, then held
     * until the test ends (the worker is dead long before).
     */
    private HttpServer engineProxy(AtomicInteger completions, CountDownLatch release) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/engine-rest", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().endsWith("/complete")) {
                    completions.incrementAndGet();
                    release.await(5, TimeUnit.MINUTES);
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                forward(client, exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }

    private void forward(HttpClient client, HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Authorization", "Content-Type", "Accept")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String status(Function<String, Http> as, String id) {
        return Http.json(as.apply("drafter").get("/api/v1/contracts/" + id)).get("status").asText();
    }

    private int revisions(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signed_document WHERE contract_id = ?", Integer.class, id);
    }

    private int closingRevisions(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM signed_document WHERE contract_id = ? AND kind = 'ARCHIVE'", Integer.class, id);
    }

    private List<String> evidence(String id) {
        return jdbc.queryForList("SELECT event_type FROM evidence_entry WHERE contract_id = ? ORDER BY seq", String.class, id);
    }

    private String log(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
