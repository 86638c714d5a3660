package cn.econtract.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The packaged jar in a new JVM ({@code java -jar contract-app.jar <command> …}), output to a log file. */
public final class PackagedJar {

    private PackagedJar() {
    }

    public static Process start(Path log, Map<String, String> environment, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The arguments that put a process on this test run's embedded PostgreSQL and key store. */
    public static List<String> onTestDatabase(Path keystore) {
        return List.of("--spring.datasource.url=" + EmbeddedPostgres.server().getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--econtract.crypto.keystore-path=" + keystore);
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("contract-app-.*\\.jar")
                            && !p.getFileName().toString().endsWith("-classes.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("the packaged jar is missing: run mvn package (verify does)"));
        }
    }
}
