package cn.econtract.app.timestamp;

/** The authority could not be reached or answered wrongly; the caller may retry later. */
public class TimeStampingException extends RuntimeException {

    public TimeStampingException(String message) {
        super(message);
    }

    public TimeStampingException(String message, Throwable cause) {
        super(message, cause);
    }
}
