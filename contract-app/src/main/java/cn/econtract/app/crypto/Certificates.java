package cn.econtract.app.crypto;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Reads X.509 certificates with the JDK, and with Bouncy Castle where the JDK cannot: it does not
 * know the SM2 curve, so it refuses SM2 certificates outright.
 */
public final class Certificates {

    private Certificates() {
    }

    public static X509Certificate parse(byte[] der) throws CertificateException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException jdkCannot) {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509", bouncyCastle())
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (GeneralSecurityException e) {
                jdkCannot.addSuppressed(e);
                throw jdkCannot;
            }
        }
    }

    public static X509Certificate of(X509CertificateHolder holder) throws CertificateException {
        try {
            return parse(holder.getEncoded());
        } catch (java.io.IOException e) {
            throw new CertificateException(e);
        }
    }

    private static java.security.Provider bouncyCastle() {
        java.security.Provider provider = java.security.Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        return provider != null ? provider : new BouncyCastleProvider();
    }
}
