package cn.econtract.app.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The scale-out adapter: objects in HDFS under {@code <root>/ab/cd/<address>}, written to a
 * temporary file and renamed into place (HDFS renames atomically and never onto an existing
 * file, so the first writer of an address wins and nothing is overwritten).
 */
public class HdfsDocumentStore implements DocumentStore, AutoCloseable {

    private final FileSystem fs;
    private final Path root;

    public HdfsDocumentStore(URI uri, String root, String user) {
        try {
            Configuration conf = new Configuration();
            this.fs = user == null || user.isBlank() ? FileSystem.newInstance(uri, conf) : FileSystem.newInstance(uri, conf, user);
            this.root = new Path(root);
            fs.mkdirs(new Path(this.root, "tmp"));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot reach HDFS at " + uri, e);
        }
    }

    @Override
    public boolean write(String address, InputStream ciphertext) throws IOException {
        Path target = path(address);
        if (fs.exists(target)) {
            return false;
        }
        fs.mkdirs(target.getParent());
        Path tmp = new Path(new Path(root, "tmp"), UUID.randomUUID().toString());
        try {
            try (OutputStream out = fs.create(tmp, false)) {
                ciphertext.transferTo(out);
            }
            return fs.rename(tmp, target);
        } finally {
            fs.delete(tmp, false);
        }
    }

    @Override
    public InputStream read(String address) throws IOException {
        try {
            return fs.open(path(address));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(address);
        }
    }

    @Override
    public boolean exists(String address) throws IOException {
        return fs.exists(path(address));
    }

    @Override
    public String describe() {
        return "hdfs:" + fs.getUri() + root;
    }

    private Path path(String address) {
        Addresses.check(address);
        return new Path(new Path(new Path(root, address.substring(0, 2)), address.substring(2, 4)), address);
    }

    /** Called by Spring when the application stops (inferred destroy method). */
    @Override
    public void close() throws IOException {
        fs.close();
    }
}
