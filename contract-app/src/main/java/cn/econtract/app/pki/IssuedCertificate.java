package cn.econtract.app.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A certificate the issuing CA signed, with the key alias it certifies and its revocation state. */
public record IssuedCertificate(String serial, HolderType holderType, String holderId, String subject, String keyAlias,
                                Instant notBefore, Instant notAfter, X509Certificate certificate, String issuedBy,
                                Instant revokedAt, String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
