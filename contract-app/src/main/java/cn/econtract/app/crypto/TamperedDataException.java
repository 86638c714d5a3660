package cn.econtract.app.crypto;

/** Ciphertext, its associated data or its wrapped key was changed: decryption refuses loudly. */
public class TamperedDataException extends RuntimeException {

    public TamperedDataException(String message, Throwable cause) {
        super(message, cause);
    }

    public TamperedDataException(String message) {
        super(message);
    }
}
