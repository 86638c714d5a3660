package cn.econtract.app.signing;

import java.time.Instant;

/**
 * One signer's signature on a PDF.
 *
 * @param keyAlias the signer's key in the signing key store (certified: its chain is embedded)
 * @param name     shown by PDF readers as the signer
 * @param reason   e.g. 甲方签署 / 乙方盖章
 * @param certify  the first signature certifies the document: later changes only by further signatures (DocMDP)
 * @param at       the claimed signing time (/M); the trusted time is the time-stamp's
 * @param docMdp   the certification's permission level: 2 (form filling and signing) or 3 (also annotations —
 *                 needed when a 骑缝章 will follow, its strips being stamp annotations)
 */
public record SignatureRequest(String keyAlias, String name, String reason, String location, boolean certify, Instant at,
                               int docMdp) {

    public SignatureRequest {
        if (docMdp != 2 && docMdp != 3) {
            throw new IllegalArgumentException("DocMDP permission level is 2 or 3");
        }
    }

    public SignatureRequest(String keyAlias, String name, String reason, String location, boolean certify, Instant at) {
        this(keyAlias, name, reason, location, certify, at, 2);
    }
}
