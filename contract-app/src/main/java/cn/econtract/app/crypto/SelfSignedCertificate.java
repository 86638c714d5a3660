package cn.econtract.app.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A ten-year self-signed signing certificate for one of the platform's own keys. */
final class SelfSignedCertificate {

    /** Subject prefix of the stand-in certificate a key store keeps beside a key until a CA certifies it. */
    private static final String PLACEHOLDER = "CN=uncertified ";

    private SelfSignedCertificate() {
    }

    /**
     * @param timeStamping a time-stamping authority's certificate: RFC 3161 §2.3 requires the
     *                     extended key usage id-kp-timeStamping, alone and critical
     */
    static X509Certificate create(KeyPair pair, String subject, boolean timeStamping) throws GeneralSecurityException {
        return create(pair, subject, timeStamping, null);
    }

    /** With the private key in {@code provider} (a PKCS#11 token), which then signs. */
    static X509Certificate create(KeyPair pair, String subject, boolean timeStamping, java.security.Provider provider)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3653))), name, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (timeStamping) {
                builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return Certificates.of(builder.build(signer(KeyAlgorithm.of(pair.getPublic()).signatureAlgorithm(), provider)
                    .build(pair.getPrivate())));
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot create certificate for " + subject, e);
        }
    }

    /** The stand-in certificate for an uncertified key (key stores keep a private key only with a certificate). */
    static X509Certificate placeholder(KeyPair pair, String alias, java.security.Provider provider) throws GeneralSecurityException {
        return create(pair, PLACEHOLDER + alias, false, provider);
    }

    static boolean isPlaceholder(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().startsWith(PLACEHOLDER);
    }

    private static JcaContentSignerBuilder signer(String algorithm, java.security.Provider provider) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm);
        return provider == null ? builder : builder.setProvider(provider);
    }
}
