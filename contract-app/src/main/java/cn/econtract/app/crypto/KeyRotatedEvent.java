package cn.econtract.app.crypto;

/** Published after a KEK rotation, for the operation log. */
public record KeyRotatedEvent(String newKekId, int rewrappedValues, String actor) {
}
