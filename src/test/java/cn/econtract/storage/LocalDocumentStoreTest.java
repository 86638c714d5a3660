package cn.econtract.storage;

import cn.econtract.app.storage.DocumentStore;
import cn.econtract.app.storage.LocalDocumentStore;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a local directory. */
class LocalDocumentStoreTest extends DocumentStoreContract {

    @TempDir
    Path root;
    private LocalDocumentStore store;

    @Override
    DocumentStore store() {
        if (store == null) {
            store = new LocalDocumentStore(root);
        }
        return store;
    }

    @Override
    void corrupt(String address) throws Exception {
        Path file;
        try (Stream<Path> files = Files.walk(root)) {
            file = files.filter(p -> p.getFileName().toString().equals(address)).findFirst().orElseThrow();
        }
        file.toFile().setWritable(true);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x01);
        }
    }
}
