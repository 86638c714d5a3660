package cn.econtract.app.evidence;

import java.util.Map;
import java.util.TreeMap;

/**
 * A ledger's answer that it holds a batch root: which ledger, and its own fields (block height and
 * signature for the local ledger; chain, group, contract, transaction hash and block number for
 * FISCO BCOS). Stored and exported as JSON with sorted keys.
 */
public record AnchorReceipt(String ledger, String merkleRoot, Map<String, String> fields) {

    public AnchorReceipt {
        fields = new TreeMap<>(fields);
    }
}
