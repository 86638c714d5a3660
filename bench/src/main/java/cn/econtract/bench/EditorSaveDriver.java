package cn.econtract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Load driver for the editor's save: against a running platform (embedded default), drafts a
 * purchase contract from PURCHASE_STD and saves it {@code n} times, each save a new version (one
 * clause edited), the way autosave does. Prints p50, p99 and throughput of the PUT. It logs in once
 * through the form and uses the session like the browser does: HTTP Basic would add a bcrypt
 * check (about 100 ms by design) to every request and measure the password hash, not the save.
 *
 * <pre>java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.EditorSaveDriver http://localhost:8080 500</pre>
 */
public final class EditorSaveDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EditorSaveDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int warmup = Math.max(20, n / 10);
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String auth = login(http, base);

        String templateId = null;
        for (JsonNode t : JSON.readTree(send(http, auth, "GET", base + "/api/v1/templates", null).body())) {
            if (t.get("code").asText().equals("PURCHASE_STD")) {
                templateId = t.get("id").asText();
            }
        }
        ObjectNode create = JSON.createObjectNode().put("templateId", templateId).put("title", "编辑器保存基准").put("allowIncomplete", true);
        JsonNode contract = JSON.readTree(send(http, auth, "POST", base + "/api/v1/contracts", create).body());
        String id = contract.get("id").asText();
        JsonNode draft = JSON.readTree(send(http, auth, "GET", base + "/api/v1/contracts/" + id + "/draft", null).body());
        ArrayNode clauses = (ArrayNode) draft.at("/version/content/clauses");
        clauses.forEach(c -> ((ObjectNode) c).remove("modified"));
        JsonNode variables = draft.at("/version/content/variables");
        String original = clauses.get(0).get("text").asText();

        long[] nanos = new long[n];
        int version = draft.at("/version/version").asInt();
        long start = 0;
        for (int i = -warmup; i < n; i++) {
            if (i == 0) {
                start = System.nanoTime();
            }
            ((ObjectNode) clauses.get(0)).put("text", original + "（第" + (i + warmup) + "次修改）");
            ObjectNode save = JSON.createObjectNode().put("baseVersion", version);
            save.set("clauses", clauses);
            save.set("variables", variables);
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(http, auth, "PUT", base + "/api/v1/contracts/" + id + "/draft", save);
            long t1 = System.nanoTime();
            if (r.statusCode() != 200) {
                throw new IllegalStateException("save failed: " + r.statusCode() + " " + r.body());
            }
            version = JSON.readTree(r.body()).get("version").asInt();
            if (i >= 0) {
                nanos[i] = t1 - t0;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "editor save: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms throughput=%.1f saves/s (1 client), versions=%d%n",
                n, nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n / seconds, version);
    }

    /** Form login; returns the CSRF token the session's state-changing calls must carry. */
    private static String login(HttpClient http, String base) throws Exception {
        java.util.regex.Pattern csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var m = csrf.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no login form at " + base);
        }
        String form = "username=drafter&password=demo&_csrf=" + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var meta = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(home);
        if (!meta.find()) {
            throw new IllegalStateException("login failed");
        }
        return meta.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, String csrf, String method, String url, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-CSRF-TOKEN", csrf).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
