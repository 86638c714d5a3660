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
import java.util.Base64;
import java.util.Locale;

/**
 * Load driver for the editor's save: against a running platform (embedded default), drafts a
 * purchase contract from PURCHASE_STD and saves it {@code n} times, each save a new version (one
 * clause edited), the way autosave does. Prints p50, p99 and throughput of the PUT.
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
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("drafter:demo".getBytes(StandardCharsets.UTF_8));

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

    private static HttpResponse<String> send(HttpClient http, String auth, String method, String url, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
