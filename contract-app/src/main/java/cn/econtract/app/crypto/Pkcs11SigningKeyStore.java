package cn.econtract.app.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Signing keys in a PKCS#11 token (an HSM; tests: SoftHSM2) through the JDK's SunPKCS11 provider.
 * Key pairs are generated on the token and never leave it; the certificate chain is stored beside
 * the key as token objects, so PDF signing, the CAs and OCSP work exactly as with PKCS#12.
 */
public class Pkcs11SigningKeyStore implements SigningKeyStore {



    private final Provider provider;
    private final KeyStore token;
    private final Path chains;

    public Pkcs11SigningKeyStore(Pkcs11Properties properties) {
        if (properties.library() == null || properties.pin() == null || properties.pin().isBlank()) {
            throw new IllegalStateException("econtract.crypto.pkcs11.library and ECONTRACT_CRYPTO_PKCS11_PIN are required for signing-keys=pkcs11");
        }
        String config = "--name=econtract\nlibrary=" + properties.library() + "\nslotListIndex=" + properties.slotListIndex() + "\n";
        this.provider = Security.getProvider("SunPKCS11").configure(config);
        this.chains = properties.chainDirectory();
        try {
            this.token = KeyStore.getInstance("PKCS11", provider);
            token.load(null, properties.pin().toCharArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot log in to the PKCS#11 token (" + properties + ")", e);
        }
    }

    @Override
    public synchronized PublicKey keyPair(String alias, KeyAlgorithm algorithm) {
        try {
            if (!token.containsAlias(alias)) {
                KeyPair pair = algorithm.generate(provider);
                X509Certificate placeholder = SelfSignedCertificate.placeholder(pair, alias, provider);
                token.setKeyEntry(alias, pair.getPrivate(), null, new Certificate[] {placeholder});
            }
            return token.getCertificate(alias).getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create key " + alias + " on the token", e);
        }
    }

    @Override
    public synchronized void certify(String alias, List<X509Certificate> chain) {
        try {
            if (!token.getCertificate(alias).getPublicKey().equals(chain.get(0).getPublicKey())) {
                throw new IllegalArgumentException("certificate is not for the key " + alias);
            }
            token.setKeyEntry(alias, privateKey(alias), null, new Certificate[] {chain.get(0)});
            // SunPKCS11 rebuilds a chain by subject matching among the token's certificates (ambiguous
            // once two CAs share a name) and refuses separate CA entries: the chain, public data, is
            // kept beside the token as a PEM file per key
            Files.createDirectories(chains);
            Files.writeString(chainFile(alias), Pem.certificates(chain), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot store the chain of " + alias + " on the token", e);
        }
    }

    @Override
    public synchronized List<X509Certificate> chain(String alias) {
        try {
            X509Certificate first = token.containsAlias(alias) ? (X509Certificate) token.getCertificate(alias) : null;
            if (first == null || SelfSignedCertificate.isPlaceholder(first)) {
                return List.of();
            }
            Path file = chainFile(alias);
            if (!Files.exists(file)) {
                return List.of(first);
            }
            try (var in = Files.newInputStream(file)) {
                List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                        .map(c -> (X509Certificate) c).toList();
                return chain.get(0).equals(first) ? chain : List.of(first);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] signWith(String alias, byte[] data) {
        try {
            PublicKey publicKey;
            PrivateKey key;
            synchronized (this) {
                publicKey = token.getCertificate(alias).getPublicKey();
                key = privateKey(alias);
            }
            Signature signature = Signature.getInstance(KeyAlgorithm.of(publicKey).signatureAlgorithm(), provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alias + " on the token", e);
        }
    }

    private Path chainFile(String alias) {
        return chains.resolve(alias.replaceAll("[^A-Za-z0-9._-]", "_") + ".pem");
    }

    private PrivateKey privateKey(String alias) throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) token.getKey(alias, null);
        if (key == null) {
            throw new IllegalArgumentException("no key " + alias + " on the token");
        }
        return key;
    }
}
