package cn.econtract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Load driver for A3 (API ≤ 500 ms at ≥ 1,000 calls/s): an ERP-style client with an API key (a
 * service account with the drafter role) calls the read paths — get a contract, list its tasks,
 * search — and the write path — create a draft — each for a fixed time with {@code clients}
 * concurrent callers, and prints p50/p99/max and throughput per path. Setup (the API key) is made
 * as the demo administrator; the contracts read are the ones the write phase created.
 *
 * <pre>java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.ApiDriver http://localhost:8080 32 20 30</pre> (callers, seconds measured per path, seconds of warm-up before each)
 * <p>Optional: the paths to run ({@code create,get,tasks,search}) and a directory to which the API keys
 * and the contract ids are written for {@code bench/api-reads.sh}, which reads with wrk: this driver's
 * own HTTP client takes a third of the two cores it shares with the application.
 */
public final class ApiDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ApiDriver() {
    }

    private static int warmUp = 30;
    /** Drafts submitted for approval before the reads: the approver's inbox. */
    private static final int INBOX = 20;

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        // which paths to run (create,get,tasks,search): a profile of one read path without the others
        List<String> paths = List.of((args.length > 4 ? args[4] : "create,get,tasks,search").split(","));
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
        String created = send(base, "POST", "/api/v1/admin/api-clients", admin,
                JSON.writeValueAsString(Map.of("name", "load driver", "userId", "drafter", "ratePerSecond", 10000))).body();
        String key = "ApiKey " + JSON.readTree(created).get("apiKey").asText();
        // the inbox is read by the purchasing department's head, with the drafts submitted below waiting for them
        String approver = "ApiKey " + JSON.readTree(send(base, "POST", "/api/v1/admin/api-clients", admin,
                JSON.writeValueAsString(Map.of("name", "load driver inbox", "userId", "manager", "ratePerSecond", 10000))).body())
                .get("apiKey").asText();
        String templateId = null;
        for (JsonNode t : JSON.readTree(send(base, "GET", "/api/v1/templates", key, null).body())) {
            if (t.get("code").asText().equals("PURCHASE_STD")) {
                templateId = t.get("id").asText();
            }
        }
        // a word of this run in every title, so the driver can tell when search has indexed them all
        String run = "loadrun" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).replaceAll("[0-9]", "x");
        String draft = JSON.writeValueAsString(Map.of("templateId", templateId, "title", "负载测试采购合同 " + run,
                "variables", PurchaseVariables.of("上海精工机床有限公司")));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        HttpResponse<String> probe = send(base, "POST", "/api/v1/contracts", key, draft);
        if (probe.statusCode() != 201) {
            throw new IllegalStateException("creating a draft failed: " + probe.statusCode() + " " + probe.body());
        }
        ids.add(read(probe.body()).get("id").asText());

        System.out.printf(Locale.ROOT, "%-16s %8s %10s %10s %10s %12s%n", "path", "calls", "p50 ms", "p99 ms", "max ms", "calls/s");
        if (!paths.contains("create")) {
            // reads only: over the drafts earlier runs made
            for (int page = 0; page < 25; page++) {
                for (JsonNode c : read(send(base, "GET", "/api/v1/contracts?size=200&page=" + page, key, null).body())) {
                    ids.add(c.get("id").asText());
                }
            }
        } else {
            run("create draft", clients, seconds, () -> {
                HttpResponse<String> r = send(base, "POST", "/api/v1/contracts", key, draft);
                if (r.statusCode() == 201) {
                    ids.add(read(r.body()).get("id").asText());
                }
                return r.statusCode();
            });
        }
        // the reads are measured once the index has caught up with the writes, not beside that work
        long waitStart = System.nanoTime();
        while (paths.contains("create") && indexed(base, key, run) < ids.size() && System.nanoTime() - waitStart < 300_000_000_000L) {
            Thread.sleep(1000);
        }
        System.out.printf(Locale.ROOT, "(search indexed the %d drafts %.0f s after the write phase)%n", ids.size(),
                (System.nanoTime() - waitStart) / 1e9);
        if (paths.contains("create")) {
            for (String id : ids.subList(0, Math.min(INBOX, ids.size()))) {
                HttpResponse<String> submitted = send(base, "POST", "/api/v1/contracts/" + id + "/submit", key, "{}");
                if (submitted.statusCode() != 200) {
                    throw new IllegalStateException("submitting a draft failed: " + submitted.statusCode() + " " + submitted.body());
                }
            }
        }
        int inbox = JSON.readTree(send(base, "GET", "/api/v1/tasks", approver, null).body()).size();
        System.out.printf(Locale.ROOT, "(the approver's inbox holds %d tasks)%n", inbox);
        if (args.length > 5) {
            // for wrk (bench/api-reads.sh): the keys and the contracts to read, in a directory outside the repository
            Path setUp = Files.createDirectories(Path.of(args[5]));
            Files.writeString(setUp.resolve("drafter.key"), key.substring("ApiKey ".length()) + "\n");
            Files.writeString(setUp.resolve("approver.key"), approver.substring("ApiKey ".length()) + "\n");
            Files.write(setUp.resolve("contracts.txt"), new ArrayList<>(ids));
        }
        if (paths.contains("get")) {
            run("get contract", clients, seconds, () -> send(base, "GET",
                    "/api/v1/contracts/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), key, null).statusCode());
        }
        if (paths.contains("tasks")) {
            run("list tasks", clients, seconds, () -> send(base, "GET", "/api/v1/tasks", approver, null).statusCode());
        }
        String q = URLEncoder.encode("数控车床", StandardCharsets.UTF_8);
        if (paths.contains("search")) {
            run("search", clients, seconds, () -> send(base, "GET", "/api/v1/search?q=" + q, key, null).statusCode());
        }
    }

    private static long indexed(String base, String key, String word) {
        HttpResponse<String> r = send(base, "GET", "/api/v1/search?size=1&q=" + word, key, null);
        return r.statusCode() == 200 ? read(r.body()).get("total").asLong() : 0;
    }

    /**
     * Each path first runs {@code warmUp} seconds unrecorded: on two cores the JIT compiler needs minutes
     * for an application this size and takes a core while it does (bench/RESULTS.md).
     */
    private static void run(String name, int clients, int seconds, Supplier<Integer> call) throws InterruptedException {
        measure(clients, warmUp, call);
        String line = measure(clients, seconds, call);
        System.out.printf(Locale.ROOT, "%-16s %s%n", name, line);
    }

    private static String measure(int clients, int seconds, Supplier<Integer> call) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = call.get();
                    } catch (RuntimeException e) {
                        status = 0;
                    }
                    latencies.add(System.nanoTime() - t0);
                    if (status / 100 != 2) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%8d %10.1f %10.1f %10.1f %12.1f%s", sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, sorted.size() / elapsed,
                errors.get() == 0 ? "" : "  (" + errors.get() + " not 2xx)");
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static HttpResponse<String> send(String base, String method, String path, String auth, String body) {
        try {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Accept", "application/json");
            if (body != null) {
                r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
