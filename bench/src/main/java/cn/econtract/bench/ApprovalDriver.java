package cn.econtract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for F2.1 (engine response ≤ 1 s): {@code clients} concurrent clients each take
 * contracts through approval over the public API. First every client drafts and submits its
 * contracts (not timed); when all are in approval, each client works through them: for each level (department head → legal → finance for ¥258,000 with a new
 * counterparty) the approver completes the task and the next approver polls its task list until
 * the next task is visible. Timed: from sending "complete" to the next task showing up in the next
 * approver's list (or, after the last level, the contract showing APPROVED). Every client logs in
 * once per user through the form, like the browser.
 *
 * <pre>java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.ApprovalDriver http://localhost:8080 20 10</pre>
 */
public final class ApprovalDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final List<String> APPROVERS = List.of("manager", "legal", "finance");

    private ApprovalDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int contractsPerClient = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String templateId = templateId(new Session(base, "drafter"));

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(clients + 1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        java.util.concurrent.CompletionService<Integer> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
        for (int c = 0; c < clients; c++) {
            done.submit(() -> client(base, templateId, contractsPerClient, latencies, ready));
        }
        ready.await();  // every contract drafted and submitted: only approvals run from here
        long start = System.nanoTime();
        int tasks = 0;
        try {
            for (int c = 0; c < clients; c++) {
                tasks += done.take().get();  // the first failing client stops the run
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf(Locale.ROOT, "approval: clients=%d contracts=%d tasks=%d complete→next visible p50=%.1f ms p99=%.1f ms "
                        + "max=%.1f ms; %.1f tasks/s completed%n",
                clients, clients * contractsPerClient, tasks, sorted.get(n / 2) / 1e6,
                sorted.get((int) Math.ceil(n * 0.99) - 1) / 1e6, sorted.get(n - 1) / 1e6, tasks / seconds);
    }

    private static int client(String base, String templateId, int contracts, List<Long> latencies,
                              java.util.concurrent.CyclicBarrier ready) throws Exception {
        Session drafter = new Session(base, "drafter");
        List<Session> approvers = new ArrayList<>();
        for (String user : APPROVERS) {
            approvers.add(new Session(base, user));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            ids.add(draftAndSubmit(drafter, templateId));
        }
        ready.await();
        int completed = 0;
        for (String id : ids) {
            String taskId = waitForTask(approvers.get(0), id);
            for (int level = 0; level < approvers.size(); level++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = approvers.get(level).send("POST", "/api/v1/tasks/" + taskId + "/complete",
                        JSON.createObjectNode().put("decision", "APPROVE").put("opinion", "同意"));
                if (r.statusCode() != 204) {
                    throw new IllegalStateException("complete failed: " + r.statusCode() + " " + r.body());
                }
                if (level + 1 < approvers.size()) {
                    taskId = waitForTask(approvers.get(level + 1), id);
                } else {
                    waitForStatus(drafter, id, "APPROVED");
                }
                latencies.add(System.nanoTime() - t0);
                completed++;
            }
        }
        return completed;
    }

    private static String draftAndSubmit(Session drafter, String templateId) throws Exception {
        ObjectNode create = JSON.createObjectNode().put("templateId", templateId).put("title", "审批基准合同");
        create.set("variables", PurchaseVariables.of("基准供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司"));
        HttpResponse<String> created = drafter.send("POST", "/api/v1/contracts", create);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + created.body());
        }
        String id = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> submitted = drafter.send("POST", "/api/v1/contracts/" + id + "/submit", JSON.createObjectNode());
        if (submitted.statusCode() != 200) {
            throw new IllegalStateException("submit failed: " + submitted.body());
        }
        return id;
    }

    private static String waitForTask(Session approver, String contractId) throws Exception {
        for (int i = 0; i < 10_000; i++) {
            JsonNode list = JSON.readTree(approver.send("GET", "/api/v1/tasks?contractId=" + contractId, null).body());
            if (list.size() > 0) {
                return list.get(0).get("id").asText();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no task for " + approver.user + " on " + contractId);
    }

    private static void waitForStatus(Session session, String contractId, String status) throws Exception {
        for (int i = 0; i < 10_000; i++) {
            if (JSON.readTree(session.send("GET", "/api/v1/contracts/" + contractId, null).body()).get("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(contractId + " never became " + status);
    }

    private static String templateId(Session s) throws Exception {
        for (JsonNode t : JSON.readTree(s.send("GET", "/api/v1/templates", null).body())) {
            if (t.get("code").asText().equals("PURCHASE_STD")) {
                return t.get("id").asText();
            }
        }
        throw new IllegalStateException("PURCHASE_STD missing");
    }


    /** One user's browser-like session: form login once, then the cookie and the CSRF header. */
    private static final class Session {
        private final String base;
        private final String user;
        private final HttpClient http;
        private final String csrf;

        Session(String base, String user) throws Exception {
            this.base = base;
            this.user = user;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = LOGIN_CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no login form at " + base);
            }
            String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher meta = META_CSRF.matcher(home);
            if (!meta.find()) {
                throw new IllegalStateException("login failed for " + user);
            }
            this.csrf = meta.group(1);
        }

        HttpResponse<String> send(String method, String path, JsonNode body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
