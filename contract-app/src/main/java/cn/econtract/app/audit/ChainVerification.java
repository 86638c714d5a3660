package cn.econtract.app.audit;

/**
 * Result of walking the chain. When not intact, {@code firstBadSeq} names the first entry that
 * does not fit (changed, out of order, or the one after a removed entry) and {@code reason} says how.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBadSeq, String reason) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(false, checked, seq, reason);
    }
}
