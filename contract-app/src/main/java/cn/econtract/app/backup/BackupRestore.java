package cn.econtract.app.backup;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.kernel.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a snapshot back where the configuration says the data lives, with the platform stopped.
 * Everything is checked before anything is written — the manifest, the database copy and key
 * store against their hashes, the document objects against their count — and nothing that exists
 * is overwritten: damaged data is moved away by the operator first, so a mistaken restore cannot
 * destroy the last good copy.
 *
 * @param database  the H2 file database to create
 * @param documents the local document store's root (objects it lacks are copied in)
 * @param keystore     the key store to create
 * @param passwordFile where its generated password goes, if the snapshot holds one
 */
public record BackupRestore(H2Database database, Path documents, Path keystore, Path passwordFile) {

    public static BackupRestore to(String jdbcUrl, Path documents, CryptoProperties crypto) {
        return new BackupRestore(H2Database.of(jdbcUrl), documents.toAbsolutePath(), crypto.keystorePath().toAbsolutePath(),
                crypto.generatedPasswordFile().toAbsolutePath());
    }

    /** Checks and restores the snapshot; answers its manifest. */
    public BackupManifest restore(Path snapshot) {
        snapshot = snapshot.toAbsolutePath().normalize();
        if (!Snapshots.isComplete(snapshot)) {
            throw new BackupException(snapshot + " is not a complete snapshot (no " + BackupManifest.FILE + ")");
        }
        try {
            BackupManifest manifest = Snapshots.readManifest(snapshot);
            Path zip = snapshot.resolve(BackupManifest.DATABASE);
            Path keys = snapshot.resolve(BackupManifest.KEYSTORE);
            Path objects = snapshot.getParent().resolve(BackupManifest.DOCUMENTS);
            check(zip, manifest.databaseSha256());
            check(keys, manifest.keystoreSha256());
            Path password = snapshot.resolve(BackupManifest.PASSWORD);
            if (manifest.passwordSha256() != null) {
                check(password, manifest.passwordSha256());
            }
            long present = count(objects);
            if (present < manifest.documents()) {
                throw new BackupException("the snapshot names " + manifest.documents() + " document objects, " + objects + " holds " + present);
            }
            for (Path existing : List.of(database.file(), keystore, passwordFile)) {
                if (Files.exists(existing)) {
                    throw new BackupException(existing + " exists: move the damaged data away first, a restore overwrites nothing");
                }
            }
            extractDatabase(zip);
            Files.createDirectories(keystore.getParent());
            Files.copy(keys, keystore);
            if (manifest.passwordSha256() != null) {
                Files.copy(password, passwordFile);
                Pkcs12KeyProvider.ownerOnly(passwordFile);
            }
            Snapshots.copyObjects(objects, documents);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + snapshot, e);
        }
    }

    private static void check(Path file, String sha256) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " is missing from the snapshot");
        }
        if (!Sha256.hex(file).equals(sha256)) {
            throw new BackupException(file + " does not match the SHA-256 in the manifest: the snapshot is damaged");
        }
    }

    private static long count(Path objects) throws IOException {
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(p -> Snapshots.ADDRESS.matcher(p.getFileName().toString()).matches()).count();
        }
    }

    /** H2's backup holds the database file under the name it had; it is written under the configured one. */
    private void extractDatabase(Path zip) throws IOException {
        Files.createDirectories(database.directory());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(".mv.db")) {
                    copy(in, database.file());
                    return;
                }
            }
        }
        throw new BackupException(zip + " holds no H2 database file");
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".restoring");
        Files.copy(in, tmp);
        Files.move(tmp, target);
    }
}
