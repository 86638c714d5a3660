package cn.econtract.app.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** File work shared by taking and restoring snapshots: the manifest, hashes, the object tree. */
final class Snapshots {

    static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");
    static final String PREFIX = "snapshot-";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Snapshots() {
    }

    static void writeManifest(Path snapshot, BackupManifest manifest) throws IOException {
        Path tmp = snapshot.resolve(BackupManifest.FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), manifest);
        Files.move(tmp, snapshot.resolve(BackupManifest.FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    static BackupManifest readManifest(Path snapshot) throws IOException {
        return JSON.readValue(snapshot.resolve(BackupManifest.FILE).toFile(), BackupManifest.class);
    }

    static boolean isComplete(Path snapshot) {
        return Files.isRegularFile(snapshot.resolve(BackupManifest.FILE));
    }

    /** Complete snapshots under a backup directory, oldest first (their names sort by time). */
    static List<Path> complete(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith(PREFIX) && isComplete(p)).sorted().toList();
        }
    }

    /**
     * Copies the objects {@code to} lacks from {@code from} (both laid out ab/cd/address); answers
     * how many objects {@code to} holds afterwards. Objects are write-once, so one present is never
     * copied again — which makes every snapshot after the first cheap.
     */
    static long copyObjects(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        Files.createDirectories(to);
        long held = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path object : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(p -> ADDRESS.matcher(p.getFileName().toString()).matches())::iterator) {
                Path target = to.resolve(from.relativize(object));
                if (!Files.exists(target)) {
                    copyOnce(object, target);
                }
                held++;
            }
        }
        return held;
    }

    /** Through a temporary name, so a copy cut short never leaves a partial object under its address. */
    static void copyOnce(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(source, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            // a concurrent copy of the same object won; it is the same bytes
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
