package cn.econtract.app.backup;

import java.nio.file.Path;

/**
 * Where an H2 file database lives, read from its JDBC URL
 * ({@code jdbc:h2:file:./data/db/econtract;AUTO_SERVER=TRUE} → directory {@code ./data/db}, name
 * {@code econtract}, file {@code econtract.mv.db}).
 */
record H2Database(Path directory, String name) {

    static H2Database of(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new BackupException("not an H2 database: " + jdbcUrl
                    + " — back PostgreSQL up by continuous archiving (docs/backup.md)");
        }
        String location = jdbcUrl.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (location.startsWith("mem:") || location.startsWith("tcp:") || location.startsWith("ssl:")) {
            throw new BackupException("only a local H2 file database can be backed up here, not " + location);
        }
        location = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        return new H2Database(path.getParent(), path.getFileName().toString());
    }

    Path file() {
        return directory.resolve(name + ".mv.db");
    }
}
