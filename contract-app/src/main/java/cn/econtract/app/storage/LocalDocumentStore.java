package cn.econtract.app.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The embedded default: one file per object under {@code <root>/ab/cd/<address>}, written to a
 * temporary name and moved into place atomically (a reader never sees half an object; a second
 * writer of the same address loses the race and keeps the first), then made read-only.
 */
public class LocalDocumentStore implements DocumentStore {

    private final Path root;

    public LocalDocumentStore(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create document store " + this.root, e);
        }
    }

    @Override
    public boolean write(String address, InputStream ciphertext) throws IOException {
        Path target = path(address);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = root.resolve("tmp").resolve(UUID.randomUUID().toString());
        try {
            Files.copy(ciphertext, tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
        target.toFile().setReadOnly();
        return true;
    }

    @Override
    public InputStream read(String address) throws IOException {
        return Files.newInputStream(path(address));
    }

    @Override
    public boolean exists(String address) {
        return Files.exists(path(address));
    }

    @Override
    public String describe() {
        return "local:" + root;
    }

    private Path path(String address) {
        Addresses.check(address);
        return root.resolve(address.substring(0, 2)).resolve(address.substring(2, 4)).resolve(address);
    }
}
