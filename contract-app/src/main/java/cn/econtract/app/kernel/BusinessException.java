package cn.econtract.app.kernel;

/**
 * A rule of the business was not met. Carries an {@link ErrorCode} (and so an HTTP status) and a
 * message key with arguments, so the API can answer in the caller's language.
 */
public class BusinessException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(ErrorCode code, String messageKey, Object... args) {
        this(code, messageKey, messageKey, args);
    }

    /**
     * With a readable {@code text} as the exception message, for callers that show it as it is
     * (Camunda Tasklist shows a failed form submission's message to the user).
     */
    protected BusinessException(ErrorCode code, String text, String messageKey, Object... args) {
        super(text);
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public static BusinessException notFound(String resource, Object id) {
        return new BusinessException(ErrorCode.NOT_FOUND, "error.notFound", resource, id);
    }

    public static BusinessException forbidden(String permission) {
        return new BusinessException(ErrorCode.FORBIDDEN, "error.forbidden", permission);
    }

    public static BusinessException stateConflict(String messageKey, Object... args) {
        return new BusinessException(ErrorCode.STATE_CONFLICT, messageKey, args);
    }
}
