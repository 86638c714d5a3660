package cn.econtract.app.kernel;

/** One invalid input field: its path (e.g. {@code variables.amount}) and a message key with arguments. */
public record FieldError(String field, String messageKey, Object... args) {
}
