package cn.econtract.app.evidence;

/** The result of walking the whole evidence trail; {@code firstBadSeq} names the first entry that does not hold. */
public record TrailVerification(boolean intact, long entriesChecked, long batchesChecked, Long firstBadSeq,
                                String reason) {

    static TrailVerification ok(long entries, long batches) {
        return new TrailVerification(true, entries, batches, null, null);
    }

    /** The ledger itself does not hold (no single entry to name). */
    static TrailVerification brokenLedger(long entries, long batches, String reason) {
        return new TrailVerification(false, entries, batches, null, reason);
    }

    static TrailVerification broken(long entries, long batches, long seq, String reason) {
        return new TrailVerification(false, entries, batches, seq, reason);
    }
}
