package cn.econtract.app.timestamp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * Checks an RFC 3161 token with nothing but its own bytes (the offline verifier uses this too): it
 * parses, its message imprint is the expected SHA-256 digest, it carries the signer's certificate,
 * and the signature verifies under that certificate, which must be a time-stamping certificate
 * (extended key usage id-kp-timeStamping, critical) valid at the stamped time. Whether that
 * certificate is one you trust is a separate question: compare {@link Check#tsaCertificate}.
 */
public final class TimeStampTokens {

    private TimeStampTokens() {
    }

    /** The outcome; {@code problem} is null exactly when {@code valid}. */
    public record Check(boolean valid, Instant time, String tsa, String serial, X509Certificate tsaCertificate,
                        String problem) {

        static Check bad(String problem) {
            return new Check(false, null, null, null, null, problem);
        }
    }

    public static Check verify(byte[] token, byte[] expectedSha256) {
        TimeStampToken parsed;
        try {
            parsed = new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            return Check.bad("not an RFC 3161 time-stamp token: " + e.getMessage());
        }
        byte[] imprint = parsed.getTimeStampInfo().getMessageImprintDigest();
        if (!MessageDigest.isEqual(imprint, expectedSha256)) {
            return Check.bad("token stamps " + HexFormat.of().formatHex(imprint) + ", not "
                    + HexFormat.of().formatHex(expectedSha256));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = parsed.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) (Selector<?>) parsed.getSID());
        if (matches.isEmpty()) {
            return Check.bad("token carries no certificate of its signer");
        }
        X509CertificateHolder holder = matches.iterator().next();
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new Check(true, parsed.getTimeStampInfo().getGenTime().toInstant(),
                    holder.getSubject().toString(), parsed.getTimeStampInfo().getSerialNumber().toString(), certificate, null);
        } catch (TSPException | OperatorCreationException | CertificateException | IllegalArgumentException e) {
            return Check.bad("time-stamp signature or certificate invalid: " + e.getMessage());
        }
    }
}
