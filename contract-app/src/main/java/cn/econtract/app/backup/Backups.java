package cn.econtract.app.backup;

import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.storage.StorageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes online snapshots of the embedded default while it runs. The order makes a snapshot
 * consistent without stopping anything: first the database (H2's {@code BACKUP TO}, one
 * transactionally consistent copy), then the document objects — write-once, and recorded in the
 * database before they are written, so every object the copied database knows is on disk by then —
 * then the key store, then the manifest that marks the snapshot complete.
 */
@Service
public class Backups {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final StorageProperties storage;
    private final CryptoProperties crypto;
    private final OperationLogService operationLog;
    private final Clock clock;

    Backups(DataSource dataSource, JdbcClient jdbc, StorageProperties storage, CryptoProperties crypto, OperationLogService operationLog,
            Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.storage = storage;
        this.crypto = crypto;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    /** A new complete snapshot under {@code root}; answers its directory. */
    public synchronized Path create(Path root) {
        H2Database database = H2Database.of(url());
        if (!"local".equals(storage.engine())) {
            throw new BackupException("documents are in " + storage.engine() + ": back them up with its own tools (docs/backup.md)");
        }
        Instant at = clock.instant();
        Path snapshot = root.toAbsolutePath().resolve(Snapshots.PREFIX + NAME.format(at));
        try {
            Files.createDirectories(snapshot.resolve(BackupManifest.KEYSTORE).getParent());
            Path zip = snapshot.resolve(BackupManifest.DATABASE);
            jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
            long objects = Snapshots.copyObjects(storage.localDirectory(), root.toAbsolutePath().resolve(BackupManifest.DOCUMENTS));
            Path keystore = snapshot.resolve(BackupManifest.KEYSTORE);
            Files.copy(crypto.keystorePath(), keystore);
            String password = null;
            Path passwordFile = crypto.generatedPasswordFile();
            if (!crypto.hasPassword() && Files.exists(passwordFile)) {
                Path copy = snapshot.resolve(BackupManifest.PASSWORD);
                Files.copy(passwordFile, copy);
                Pkcs12KeyProvider.ownerOnly(copy);
                password = Sha256.hex(copy);
            }
            Snapshots.writeManifest(snapshot, new BackupManifest(at, Sha256.hex(zip), Sha256.hex(keystore), password, objects));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + snapshot + " of " + database.file() + " failed", e);
        }
        operationLog.append(OperationRecord.success("system", OperationAction.BACKUP, "backup", snapshot.getFileName().toString()));
        return snapshot;
    }

    /** Deletes all but the newest {@code keep} complete snapshots; answers how many went. */
    public int prune(Path root, int keep) {
        try {
            List<Path> complete = Snapshots.complete(root.toAbsolutePath());
            List<Path> old = complete.subList(0, Math.max(0, complete.size() - keep));
            old.forEach(Snapshots::deleteTree);
            return old.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list snapshots in " + root, e);
        }
    }

    private String url() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new BackupException("cannot reach the database", e);
        }
    }
}
