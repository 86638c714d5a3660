package cn.econtract.app.kernel;

import java.util.List;

/** Input failed business validation: answered as 400 with one error per field, nothing changed. */
public class InvalidFieldsException extends BusinessException {

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        this(errors, "error.VALIDATION_FAILED.detail");
    }

    /** With the errors spelled out in {@code text}, for a user who sees only the message (Tasklist). */
    public InvalidFieldsException(List<FieldError> errors, String text) {
        super(ErrorCode.VALIDATION_FAILED, text, "error.VALIDATION_FAILED.detail");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
