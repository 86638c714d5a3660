package cn.econtract.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.storage.DocumentMissingException;
import cn.econtract.app.storage.DocumentStore;
import cn.econtract.app.storage.Documents;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What every document store engine must do, run against each real engine (a local directory,
 * HDFS on a MiniDFSCluster): the same content is stored once under its SHA-256, only ciphertext
 * reaches the engine, nothing is overwritten, and a changed object is caught on read.
 */
abstract class DocumentStoreContract {

    private static final byte[] MARKER = "甲方：华东机械制造股份有限公司 合同金额 ¥258,000.00".getBytes(StandardCharsets.UTF_8);

    Documents documents;
    JdbcClient jdbc;

    /** The engine under test, fresh for each test. */
    abstract DocumentStore store() throws Exception;

    /** Changes one byte of the stored object behind the store's back (as a broken disk or an intruder would). */
    abstract void corrupt(String address) throws Exception;

    @BeforeEach
    void documents() throws Exception {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:documents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(data);
        jdbc.sql(new String(getClass().getResourceAsStream("/db/migration/common/V10__document_store.sql").readAllBytes(),
                StandardCharsets.UTF_8)).update();
        Path keys = Files.createTempDirectory("documents-keys").resolve("kek.p12");
        EnvelopeCipher cipher = new EnvelopeCipher(new Pkcs12KeyProvider(new CryptoProperties(keys, "test-only-password", true)));
        documents = new Documents(store(), cipher, jdbc, new DataSourceTransactionManager(data), Clock.systemUTC());
    }

    @Test
    void aDocumentComesBackAsStoredUnderItsSha256() {
        byte[] pdf = document(200_000);
        String address = documents.put(pdf);
        assertThat(address).isEqualTo(Sha256.hex(pdf));
        assertThat(documents.get(address)).isEqualTo(pdf);
        assertThat(documents.contains(address)).isTrue();
    }

    @Test
    void theSameContentIsStoredOnceAndNothingIsOverwritten() throws Exception {
        byte[] pdf = document(50_000);
        String address = documents.put(pdf);
        byte[] stored = raw(address);
        assertThat(documents.put(pdf)).isEqualTo(address);
        assertThat(raw(address)).as("the first object stays").isEqualTo(stored);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_object").query(Long.class).single()).isEqualTo(1);
        assertThat(store().write(address, new ByteArrayInputStream(new byte[] {1, 2, 3}))).as("write-once").isFalse();
        assertThat(documents.get(address)).isEqualTo(pdf);
    }

    @Test
    void onlyCiphertextReachesTheEngine() throws Exception {
        byte[] pdf = document(30_000);
        String address = documents.put(pdf);
        byte[] stored = raw(address);
        assertThat(stored.length).isGreaterThan(pdf.length);
        assertThat(indexOf(stored, MARKER)).as("no plaintext in the object").isNegative();
        assertThat(indexOf(stored, "%PDF".getBytes(StandardCharsets.US_ASCII))).isNegative();
    }

    @Test
    void aChangedObjectIsCaughtOnRead() throws Exception {
        String address = documents.put(document(40_000));
        corrupt(address);
        assertThatThrownBy(() -> documents.get(address)).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void largeDocumentsStreamThroughAndMissingOnesAreReported() {
        byte[] big = document(6 * 1024 * 1024);
        assertThat(documents.get(documents.put(big))).isEqualTo(big);
        String unknown = Sha256.hex("never stored".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> documents.get(unknown)).isInstanceOf(DocumentMissingException.class);
        assertThatThrownBy(() -> documents.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    byte[] raw(String address) throws Exception {
        try (InputStream in = store().read(address)) {
            return in.readAllBytes();
        }
    }

    /** A PDF-like document: header, the marker text, random filler. */
    static byte[] document(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        System.arraycopy(MARKER, 0, bytes, 100, MARKER.length);
        bytes[size - 1] = (byte) UUID.randomUUID().hashCode();
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
