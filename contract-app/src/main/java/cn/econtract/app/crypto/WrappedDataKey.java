package cn.econtract.app.crypto;

/** The data key of one streamed object, wrapped by a KEK; stored beside the object, not in it. */
public record WrappedDataKey(String kekId, byte[] wrappedKey) {
}
