package cn.econtract.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file side of backup and restore, without a database: locations, pruning, refusals. */
class BackupFilesTest {

    @TempDir
    Path dir;

    @Test
    void theH2FileIsFoundFromTheJdbcUrl() {
        H2Database db = H2Database.of("jdbc:h2:file:" + dir.resolve("db/econtract") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
        assertThat(db.directory()).isEqualTo(dir.resolve("db"));
        assertThat(db.file()).isEqualTo(dir.resolve("db/econtract.mv.db"));
        assertThat(H2Database.of("jdbc:h2:" + dir.resolve("x/y")).file()).isEqualTo(dir.resolve("x/y.mv.db"));
    }

    @Test
    void onlyALocalH2FileDatabaseIsBackedUpByTheCommand() {
        assertThatThrownBy(() -> H2Database.of("jdbc:postgresql://db:5432/econtract")).isInstanceOf(BackupException.class)
                .hasMessageContaining("continuous archiving");
        assertThatThrownBy(() -> H2Database.of("jdbc:h2:mem:econtract")).isInstanceOf(BackupException.class);
        assertThatThrownBy(() -> H2Database.of("jdbc:h2:tcp://host/econtract")).isInstanceOf(BackupException.class);
    }

    @Test
    void objectsAreCopiedOnceAndAPartialFileNeverCountsAsAnObject() throws Exception {
        String address = "ab".repeat(32);
        Path from = dir.resolve("store");
        Files.createDirectories(from.resolve("ab/ab"));
        Files.writeString(from.resolve("ab/ab/" + address), "ciphertext");
        Files.createDirectories(from.resolve("tmp"));
        Files.writeString(from.resolve("tmp/123e4567"), "half-written");
        Path to = dir.resolve("backup/documents");
        assertThat(Snapshots.copyObjects(from, to)).isOne();
        assertThat(Files.readString(to.resolve("ab/ab/" + address))).isEqualTo("ciphertext");
        assertThat(to.resolve("tmp")).doesNotExist();
        Files.writeString(to.resolve("ab/ab/" + address), "kept");
        assertThat(Snapshots.copyObjects(from, to)).isOne();
        assertThat(Files.readString(to.resolve("ab/ab/" + address))).as("present objects are not copied again").isEqualTo("kept");
    }

    @Test
    void pruningKeepsTheNewestCompleteSnapshotsAndNeverCountsAnIncompleteOne() throws Exception {
        for (String name : new String[] {"snapshot-20261101T000000000Z", "snapshot-20261102T000000000Z", "snapshot-20261103T000000000Z"}) {
            Path snapshot = Files.createDirectories(dir.resolve(name));
            Snapshots.writeManifest(snapshot, new BackupManifest(Instant.parse("2026-11-01T00:00:00Z"), "d", "k", null, 0));
        }
        Files.createDirectories(dir.resolve("snapshot-20261104T000000000Z"));  // cut short: no manifest
        assertThat(Snapshots.complete(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("snapshot-20261101T000000000Z", "snapshot-20261102T000000000Z", "snapshot-20261103T000000000Z");
        Backups backups = new Backups(null, null, null, null, null, null);
        assertThat(backups.prune(dir, 2)).isOne();
        assertThat(dir.resolve("snapshot-20261101T000000000Z")).doesNotExist();
        assertThat(dir.resolve("snapshot-20261102T000000000Z")).exists();
        assertThat(dir.resolve("snapshot-20261104T000000000Z")).exists();
    }

    @Test
    void aDirectoryWithoutAManifestIsNotRestored() throws Exception {
        Path incomplete = Files.createDirectories(dir.resolve("backups/snapshot-20261104T000000000Z"));
        BackupRestore restore = BackupRestore.to("jdbc:h2:file:" + dir.resolve("data/db/econtract"), dir.resolve("data/documents"),
                new cn.econtract.app.crypto.CryptoProperties(dir.resolve("data/keys/kek.p12"), null, true));
        assertThatThrownBy(() -> restore.restore(incomplete)).isInstanceOf(BackupException.class).hasMessageContaining("not a complete snapshot");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
