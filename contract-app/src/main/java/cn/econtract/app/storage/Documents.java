package cn.econtract.app.storage;

import cn.econtract.app.crypto.DataKeyHolder;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.crypto.WrappedDataKey;
import cn.econtract.app.kernel.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps documents: content-addressed (the address is the SHA-256 of the plaintext, so a version is
 * stored once however often it is saved), encrypted (AES-256-GCM segments under a data key of its
 * own, wrapped by the KEK and kept in {@code document_object}, so a KEK rotation never rewrites an
 * object), written once, and checked on every read (each segment authenticates and the plaintext
 * must hash to its address).
 *
 * <p>The data key's row commits before the object is written: whatever object exists under an
 * address was encrypted with that row's key, also after a crash between the two.
 */
@Service
public class Documents implements DataKeyHolder {

    private final DocumentStore store;
    private final EnvelopeCipher cipher;
    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    public Documents(DocumentStore store, EnvelopeCipher cipher, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Stores the document (once per content); answers its address. */
    public String put(byte[] plaintext) {
        String address = Sha256.hex(plaintext);
        WrappedDataKey key = keyOf(address).orElseGet(() -> recordKey(address, plaintext.length));
        try {
            if (!store.exists(address)) {
                ByteArrayOutputStream ciphertext = new ByteArrayOutputStream(plaintext.length + plaintext.length / 64 + 64);
                cipher.sealStream(key, new ByteArrayInputStream(plaintext), ciphertext, aad(address));
                store.write(address, new ByteArrayInputStream(ciphertext.toByteArray()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + address + " in " + store.describe(), e);
        }
        return address;
    }

    /** The document, decrypted and checked; {@link TamperedDataException} if it is not what was stored. */
    public byte[] get(String address) {
        WrappedDataKey key = keyOf(Addresses.check(address)).orElseThrow(() -> new DocumentMissingException(address));
        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        try (InputStream in = store.read(address)) {
            cipher.openStream(key, in, plaintext, aad(address));
        } catch (NoSuchFileException e) {
            throw new DocumentMissingException(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + address + " from " + store.describe(), e);
        }
        byte[] bytes = plaintext.toByteArray();
        if (!Sha256.hex(bytes).equals(address)) {
            throw new TamperedDataException("document " + address + " does not hash to its address");
        }
        return bytes;
    }

    /**
     * Destroys a document beyond recovery by destroying its data key (crypto-shredding): the
     * ciphertext left in the store, a replica or a backup can no longer be opened, and the store
     * itself stays write-once. Only for documents nothing else refers to (an archive's own copy
     * and package), since an address is shared by every equal content.
     */
    public void shred(String address) {
        jdbc.sql("DELETE FROM document_object WHERE address = :a").param("a", Addresses.check(address)).update();
    }

    public boolean contains(String address) {
        return keyOf(Addresses.check(address)).isPresent();
    }

    private Optional<WrappedDataKey> keyOf(String address) {
        return jdbc.sql("SELECT kek_id, wrapped_key FROM document_object WHERE address = :a").param("a", address)
                .query((rs, n) -> new WrappedDataKey(rs.getString(1), Base64.getDecoder().decode(rs.getString(2)))).optional();
    }

    /** In a transaction of its own, committed before the object is written; a concurrent writer's key wins. */
    private WrappedDataKey recordKey(String address, long size) {
        WrappedDataKey key = cipher.newWrappedKey();
        try {
            own.executeWithoutResult(status -> jdbc.sql("INSERT INTO document_object (address, kek_id, wrapped_key, size_bytes, created_at) "
                            + "VALUES (:a, :k, :w, :s, :at)")
                    .param("a", address).param("k", key.kekId()).param("w", Base64.getEncoder().encodeToString(key.wrappedKey()))
                    .param("s", size).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update());
            return key;
        } catch (DuplicateKeyException raced) {
            return keyOf(address).orElseThrow();
        }
    }

    private static byte[] aad(String address) {
        return ("document:" + address).getBytes(StandardCharsets.UTF_8);
    }

    /** KEK rotation: every object's data key re-wrapped in the table; objects stay as written. */
    @Override
    public int rewrapAll(UnaryOperator<SealedValue> rewrap) {
        List<String[]> rows = jdbc.sql("SELECT address, kek_id, wrapped_key FROM document_object")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        int changed = 0;
        for (String[] row : rows) {
            WrappedDataKey after = cipher.rewrap(new WrappedDataKey(row[1], Base64.getDecoder().decode(row[2])));
            if (!after.kekId().equals(row[1])) {
                changed += jdbc.sql("UPDATE document_object SET kek_id = :k, wrapped_key = :w WHERE address = :a")
                        .param("k", after.kekId()).param("w", Base64.getEncoder().encodeToString(after.wrappedKey()))
                        .param("a", row[0]).update();
            }
        }
        return changed;
    }
}
