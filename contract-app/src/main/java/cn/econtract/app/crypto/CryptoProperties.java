package cn.econtract.app.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keystorePath     PKCS#12 file that holds the KEKs and MAC keys
 * @param keystorePassword its password; from the environment ({@code ECONTRACT_CRYPTO_KEYSTORE_PASSWORD}),
 *                         never from a file in the repository
 * @param generateIfMissing laptop default: create the key store, and a random password in a
 *                         sibling file readable only by its owner, when none is configured
 */
@ConfigurationProperties("econtract.crypto")
public record CryptoProperties(Path keystorePath, String keystorePassword, boolean generateIfMissing) {

    public CryptoProperties {
        if (keystorePath == null) {
            keystorePath = Path.of("data", "keys", "kek.p12");
        }
    }

    /** Where the laptop default keeps the password it generated when none is configured. */
    public Path generatedPasswordFile() {
        return keystorePath.resolveSibling(keystorePath.getFileName() + ".pass");
    }

    /** Whether the operator configured the password (else the generated sibling file holds it). */
    public boolean hasPassword() {
        return keystorePassword != null && !keystorePassword.isBlank();
    }
}
