package cn.econtract.app.signing;

import java.time.Instant;

/**
 * One signer's signature on a PDF.
 *
 * @param keyAlias the signer's key in the signing key store (certified: its chain is embedded)
 * @param name     shown by PDF readers as the signer
 * @param reason   e.g. 甲方签署 / 乙方盖章
 * @param certify  the first signature certifies the document: later changes only by further signatures (DocMDP P=2)
 * @param at       the claimed signing time (/M); the trusted time is the time-stamp's
 */
public record SignatureRequest(String keyAlias, String name, String reason, String location, boolean certify, Instant at) {
}
