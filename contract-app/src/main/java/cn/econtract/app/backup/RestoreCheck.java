package cn.econtract.app.backup;

import cn.econtract.app.audit.ChainVerification;
import cn.econtract.app.evidence.TrailVerification;
import java.util.List;

/**
 * What was found in restored data.
 *
 * @param documents     document objects opened and checked against their address
 * @param badDocuments  the first few that were missing or did not decrypt to their hash
 * @param evidence      the evidence trail, every entry, batch, time stamp and anchor
 * @param operationLog  the operation log's HMAC chain
 */
public record RestoreCheck(long documents, List<String> badDocuments, TrailVerification evidence, ChainVerification operationLog) {

    public boolean intact() {
        return badDocuments.isEmpty() && evidence.intact() && operationLog.intact();
    }
}
