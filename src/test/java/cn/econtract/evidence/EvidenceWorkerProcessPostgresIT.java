package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.evidence.EvidenceSealing;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.identity.GroupType;
import cn.econtract.support.Http;
import cn.econtract.support.OnPostgres;
import cn.econtract.support.PackagedJar;
import cn.econtract.support.PurchaseDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A2: the anchoring worker as a separate process of the packaged jar ({@code java -jar … evidence-worker}),
 * talking to this application's engine REST API and sharing its PostgreSQL and key store. The
 * in-process worker is off in tests, so every anchored batch here was done by that process. Then
 * the offline verifier and the whole-trail check run as commands of the same jar.
 */
@OnPostgres
class EvidenceWorkerProcessPostgresIT {

    private static final String WORKER_PASSWORD = "worker-" + java.util.UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceSealing sealing;
    @Autowired
    DirectoryService directory;
    @Autowired
    CryptoProperties crypto;
    @TempDir
    Path dir;

    @Test
    void aSeparateWorkerProcessAnchorsBatchesAndTheJarVerifiesThemOffline() throws Exception {
        directory.ensureUser("anchor1", "存证", "服务", null, WORKER_PASSWORD, false);
        directory.ensureMembership("anchor1", GroupType.EVIDENCE_WORKER_GROUP);
        String id = PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "60000", EvidenceScenarios.newCounterparty());
        assertThat(sealing.sealDue(true)).isNotEmpty();

        Process worker = java(dir.resolve("worker.log"), "evidence-worker",
                "--econtract.evidence.worker.engine-url=http://localhost:" + port + "/engine-rest",
                "--econtract.evidence.worker.username=anchor1", "--econtract.evidence.worker.poll-interval=PT0.2S");
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (waiting() > 0 && Instant.now().isBefore(deadline) && worker.isAlive()) {
                Thread.sleep(250);
            }
            assertThat(waiting()).as(Files.readString(dir.resolve("worker.log"))).isZero();
            assertThat(Files.readString(dir.resolve("worker.log"))).contains("evidence worker subscribed");
        } finally {
            worker.destroy();
            worker.waitFor(20, TimeUnit.SECONDS);
        }

        long seq = jdbc.queryForObject("SELECT MIN(seq) FROM evidence_entry WHERE contract_id = ?", Long.class, id);
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + id + "/evidence/" + seq + "/proof").body());
        Process verifyProof = java(dir.resolve("verify-proof.log"), "verify-proof", proof.toString());
        assertThat(verifyProof.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String proofOutput = Files.readString(dir.resolve("verify-proof.log"));
        assertThat(verifyProof.exitValue()).as(proofOutput).isZero();
        assertThat(proofOutput).contains("RESULT: VALID");

        Process verifyTrail = java(dir.resolve("verify-evidence.log"), "verify-evidence");
        assertThat(verifyTrail.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String trailOutput = Files.readString(dir.resolve("verify-evidence.log"));
        assertThat(verifyTrail.exitValue()).as(trailOutput).isZero();
        assertThat(trailOutput).contains("evidence trail intact");
    }

    private long waiting() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_batch WHERE anchor_receipt IS NULL OR timestamp_token IS NULL",
                Long.class);
    }

    /** The packaged jar in a new JVM, on this test's database and key store. */
    private Process java(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(args));
        if (!args[0].startsWith("verify-proof")) {
            command.addAll(PackagedJar.onTestDatabase(crypto.keystorePath()));
            command.add("--econtract.evidence.auto-seal=false");
        }
        return PackagedJar.start(log, Map.of("ECONTRACT_EVIDENCE_WORKER_PASSWORD", WORKER_PASSWORD), command);
    }
}
