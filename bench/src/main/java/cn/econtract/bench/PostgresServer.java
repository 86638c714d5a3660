package cn.econtract.bench;

/**
 * Starts a real PostgreSQL server (embedded binaries from Maven Central) on a fixed port for the
 * load drivers' PostgreSQL runs and keeps it up until the process is stopped.
 *
 * <pre>java -cp "$(cat bench/target/classpath.txt):bench/target/classes" cn.econtract.bench.PostgresServer 15432</pre>
 * then start the platform with {@code --spring.profiles.active=postgres} and
 * {@code SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:15432/postgres}, user and password {@code postgres}.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 15432;
        var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).start();
        System.out.println("PostgreSQL ready: " + server.getJdbcUrl("postgres", "postgres"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }));
        Thread.currentThread().join();
    }
}
