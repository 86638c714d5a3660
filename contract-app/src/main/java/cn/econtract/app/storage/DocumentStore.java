package cn.econtract.app.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the ciphertext of documents lives: write-once objects by address. An engine never sees
 * plaintext and never overwrites: writing an address that exists keeps the first object.
 */
public interface DocumentStore {

    /** Stores the object unless the address exists; answers whether this call wrote it. */
    boolean write(String address, InputStream ciphertext) throws IOException;

    /** The object's bytes; {@link java.nio.file.NoSuchFileException} if there is none. */
    InputStream read(String address) throws IOException;

    boolean exists(String address) throws IOException;

    /** For operators and the health page, e.g. {@code local:/var/lib/econtract/documents}. */
    String describe();
}
