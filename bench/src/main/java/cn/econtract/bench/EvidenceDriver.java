package cn.econtract.bench;

import cn.econtract.app.ContractPlatformApplication;
import cn.econtract.app.evidence.EvidenceBatch;
import cn.econtract.app.evidence.EvidenceProofs;
import cn.econtract.app.evidence.EvidenceSealing;
import cn.econtract.app.evidence.EvidenceTrail;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.evidence.InProcessEvidenceWorker;
import cn.econtract.app.evidence.TrailVerification;
import cn.econtract.app.kernel.ContractEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Evidence trail figures on the real services and database (no web layer): events appended per
 * second sustained by concurrent writers, batch anchoring latency (seal 256 entries into a Merkle
 * tree, RFC 3161 time-stamp, local-ledger block), proof generation time, and a whole-trail verify.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.EvidenceDriver h2 4 30
 * java -cp … cn.econtract.bench.EvidenceDriver jdbc:postgresql://localhost:15432/postgres 4 30
 * </pre>
 * Arguments: database ({@code h2}: a fresh H2 file database in a temp directory), writer threads, seconds.
 */
public final class EvidenceDriver {

    private EvidenceDriver() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path home = Files.createTempDirectory("evidence-bench");
        List<String> properties = new ArrayList<>(List.of("econtract.evidence.auto-seal=false",
                "econtract.evidence.worker.in-process=false", "econtract.identity.demo-data=false",
                "camunda.bpm.job-execution.enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                "econtract.crypto.keystore-path=" + home.resolve("kek.p12"), "econtract.crypto.generate-if-missing=true",
                "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
        if ("h2".equals(database)) {
            properties.add("spring.datasource.url=jdbc:h2:file:" + home.resolve("db") + ";LOCK_TIMEOUT=10000");
        } else {
            properties.addAll(List.of("spring.datasource.url=" + database, "spring.datasource.username=postgres",
                    "spring.datasource.password=postgres", "spring.profiles.active=postgres"));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ContractPlatformApplication.class)
                // as command-line arguments: they outrank application.yml (default properties would not)
                .web(WebApplicationType.NONE).run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            EvidenceTrail trail = context.getBean(EvidenceTrail.class);
            System.out.printf("database %s, %d writers, %d s%n", "h2".equals(database) ? "H2 file" : database, threads, seconds);
            append(trail, threads, 5, false);  // warm-up
            long appended = append(trail, threads, seconds, true);
            System.out.printf("append: %d events in %d s = %.0f events/s sustained%n", appended, seconds, appended / (double) seconds);

            EvidenceSealing sealing = context.getBean(EvidenceSealing.class);
            InProcessEvidenceWorker worker = context.getBean(InProcessEvidenceWorker.class);
            // the backlog the append run left: every full batch sealed, then all of them anchored
            long b0 = System.nanoTime();
            int backlog = sealing.sealDue(false).size();
            long b1 = System.nanoTime();
            worker.drain();
            long b2 = System.nanoTime();
            System.out.printf("backlog: %d batches of 256 sealed in %.1f s (%.0f batches/s), time-stamped and anchored in %.1f s "
                    + "(%.0f batches/s)%n", backlog, (b1 - b0) / 1e9, backlog / ((b1 - b0) / 1e9), (b2 - b1) / 1e9,
                    backlog / ((b2 - b1) / 1e9));
            sealing.sealDue(true);
            worker.drain();

            // one batch at a time: from the moment it is due to anchored (what a new event waits beyond T)
            List<Double> sealMs = new ArrayList<>();
            List<Double> anchorMs = new ArrayList<>();
            String contract = UUID.randomUUID().toString();
            for (int round = 0; round < 60; round++) {
                for (int i = 0; i < 256; i++) {
                    trail.record(new ContractEvent(ContractEvent.Type.DOWNLOADED, contract, "bench", null, null, "latency " + round));
                }
                long t0 = System.nanoTime();
                int sealed = sealing.sealDue(false).size();
                long t1 = System.nanoTime();
                worker.drain();
                long t2 = System.nanoTime();
                if (sealed != 1) {
                    throw new IllegalStateException("expected one full batch, sealed " + sealed);
                }
                if (round >= 10) {  // the first ten warm up
                    sealMs.add((t1 - t0) / 1e6);
                    anchorMs.add((t2 - t1) / 1e6);
                }
            }
            List<Double> totalMs = new ArrayList<>();
            for (int i = 0; i < sealMs.size(); i++) {
                totalMs.add(sealMs.get(i) + anchorMs.get(i));
            }
            System.out.printf("batch anchoring latency (256 entries, 50 batches): seal p50 %.1f / p99 %.1f ms; time-stamp + anchor "
                    + "p50 %.1f / p99 %.1f ms; due → anchored p50 %.1f / p99 %.1f ms%n", pct(sealMs, 50), pct(sealMs, 99),
                    pct(anchorMs, 50), pct(anchorMs, 99), pct(totalMs, 50), pct(totalMs, 99));

            EvidenceProofs proofs = context.getBean(EvidenceProofs.class);
            long maxSeq = appended;
            for (int i = 0; i < 200; i++) {
                proofs.proof(1 + ThreadLocalRandom.current().nextLong(maxSeq));
            }
            List<Double> proofMs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long seq = 1 + ThreadLocalRandom.current().nextLong(maxSeq);
                long t0 = System.nanoTime();
                proofs.proof(seq);
                proofMs.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("proof for a random entry (read its batch, rebuild the tree, audit path): p50 %.2f ms p99 %.2f ms%n",
                    pct(proofMs, 50), pct(proofMs, 99));

            long t0 = System.nanoTime();
            TrailVerification verified = context.getBean(EvidenceVerification.class).verify();
            System.out.printf("verify whole trail: %s, %d entries, %d batches in %.1f s%n", verified.intact() ? "intact" : "BROKEN",
                    verified.entriesChecked(), verified.batchesChecked(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long append(EvidenceTrail trail, int threads, int seconds, boolean count) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long n = 0;
                String contract = UUID.randomUUID().toString();
                while (!stop.get()) {
                    // no contract version behind these ids: version and document hash left empty so verify has nothing to look up
                    trail.record(new ContractEvent(ContractEvent.Type.DOWNLOADED, contract, "bench", null, null,
                            "pdf sha256:" + "cd".repeat(32)));
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> f : results) {
            total += f.get();
        }
        pool.shutdown();
        return count ? total : 0;
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
