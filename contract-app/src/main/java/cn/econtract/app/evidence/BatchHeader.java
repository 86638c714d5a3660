package cn.econtract.app.evidence;

/** What a ledger anchors for one batch: its number, the entries it covers and their Merkle root (hex). */
public record BatchHeader(long batchNo, long firstSeq, long lastSeq, String merkleRoot) {
}
