package cn.econtract.app.evidence.fisco;

import org.fisco.bcos.sdk.v3.model.TransactionReceipt;

/** The narrow boundary to the FISCO BCOS network client: send a signed transaction, make a read-only call. */
public interface ChainGateway {

    /** Signs with the configured account, sends, waits for the receipt. Throws when the node cannot be reached. */
    TransactionReceipt send(String to, String abi, String method, byte[] data);

    /** A read-only call; answers the returned data as hex (0x…). */
    String call(String to, byte[] data);

    String chainId();

    String group();
}
