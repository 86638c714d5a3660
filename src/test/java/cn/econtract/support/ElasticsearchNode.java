package cn.econtract.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real single-node Elasticsearch for tests, from Maven Central's integ-test distribution
 * ({@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.6:zip}, resolved by the
 * build; its path comes in as {@code elasticsearch.zip}). Elasticsearch refuses to run as root, so
 * when the tests do (CI) it runs as the unprivileged user {@value #USER}, which {@code .ci/run} creates.
 */
public final class ElasticsearchNode implements AutoCloseable {

    public static final String USER = "econtract-es";

    private final Process process;
    private final Path home;
    private final int port;

    private ElasticsearchNode(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public static ElasticsearchNode start() throws Exception {
        String zip = System.getProperty("elasticsearch.zip");
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("needs the Elasticsearch integ-test zip (system property elasticsearch.zip, set by the "
                    + "build from org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip); got " + zip);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && run("id", "-u", USER) != 0) {
            throw new IllegalStateException("Elasticsearch refuses to run as root: create the user " + USER
                    + " (useradd --system --no-create-home " + USER + "), as .ci/run does");
        }
        // outside /root, which the unprivileged user cannot enter
        Path base = Files.createTempDirectory(Path.of("/tmp"), "econtract-es-");
        Path home = unzip(Path.of(zip), base);
        Path data = Files.createDirectories(base.resolve("data"));
        Path logs = Files.createDirectories(base.resolve("logs"));
        if (root) {
            run("chown", "-R", USER + ":", base.toString());
            run("chmod", "755", base.toString());
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("/usr/sbin/runuser", "-u", USER, "--"));
        }
        command.addAll(List.of("/usr/bin/env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_JAVA_OPTS=-Xms512m -Xmx512m", home.resolve("bin/elasticsearch").toString(),
                "-E", "discovery.type=single-node", "-E", "xpack.security.enabled=false", "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port, "-E", "transport.port=" + freePort(), "-E", "path.data=" + data,
                "-E", "path.logs=" + logs, "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "action.destructive_requires_name=false"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile()).start();
        ElasticsearchNode node = new ElasticsearchNode(process, base, port);
        node.awaitHealthy(Duration.ofSeconds(180), base.resolve("console.log"));
        return node;
    }

    private void awaitHealthy(Duration timeout, Path console) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited: " + tail(console));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s")
                        .toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(3000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Elasticsearch did not start in " + timeout + ": " + tail(console));
    }

    private static String tail(Path console) throws IOException {
        List<String> lines = Files.exists(console) ? Files.readAllLines(console) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (top == null) {
                    top = into.resolve(Path.of(e.getName()).getName(0));
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getParent().getFileName().toString().equals("bin")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        return top;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            in.readAllBytes();
        }
        return p.waitFor();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
