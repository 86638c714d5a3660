package cn.econtract.app.backup;

/** A snapshot cannot be taken or restored; the message says why; nothing was changed. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
