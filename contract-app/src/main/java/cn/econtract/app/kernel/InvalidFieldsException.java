package cn.econtract.app.kernel;

import java.util.List;

/** Input failed business validation: answered as 400 with one error per field, nothing changed. */
public class InvalidFieldsException extends BusinessException {

    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_FAILED, "error.VALIDATION_FAILED.detail");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
