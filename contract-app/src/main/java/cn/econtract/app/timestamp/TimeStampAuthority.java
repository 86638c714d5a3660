package cn.econtract.app.timestamp;

/** Port: an RFC 3161 time-stamping authority. */
public interface TimeStampAuthority {

    /**
     * A time-stamp token (DER-encoded CMS SignedData, RFC 3161 §2.4.2) over a SHA-256 digest, with
     * the authority's certificate inside. Checked against the digest before it is returned.
     */
    byte[] stamp(byte[] sha256);

    /** For logs and receipts: which authority (never credentials). */
    String describe();
}
