package cn.econtract.storage;

import cn.econtract.app.storage.DocumentStore;
import cn.econtract.app.storage.HdfsDocumentStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scale-out adapter against a real HDFS: Hadoop's MiniDFSCluster (NameNode and DataNode) in this JVM. */
class HdfsDocumentStoreIT extends DocumentStoreContract {

    private static MiniDFSCluster cluster;
    private DocumentStore store;

    @BeforeAll
    static void startHdfs() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "hdfs", String.valueOf(System.nanoTime())));
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toAbsolutePath().toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    DocumentStore store() {
        if (store == null) {
            store = new HdfsDocumentStore(cluster.getURI(), "/econtract/documents-" + System.nanoTime(), null);
        }
        return store;
    }

    @Override
    void corrupt(String address) throws Exception {
        FileSystem fs = cluster.getFileSystem();
        org.apache.hadoop.fs.Path file = null;
        var files = fs.listFiles(new org.apache.hadoop.fs.Path("/econtract"), true);
        while (files.hasNext()) {
            var status = files.next();
            if (status.getPath().getName().equals(address)) {
                file = status.getPath();
            }
        }
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 0x01;
        fs.delete(file, false);
        try (OutputStream out = fs.create(file, false)) {
            out.write(bytes);
        }
    }
}
