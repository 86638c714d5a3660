package cn.econtract.app.storage;

/** A document the register knows of is not in the store (lost or never written): an operations incident. */
public class DocumentMissingException extends IllegalStateException {

    public DocumentMissingException(String address) {
        super("document " + address + " is missing from the document store");
    }
}
