package cn.econtract.app.crypto;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HSM adapter of the signing key store ({@code econtract.crypto.signing-keys=pkcs11}).
 *
 * @param library        the vendor's PKCS#11 module (SoftHSM2: {@code /usr/lib/softhsm/libsofthsm2.so})
 * @param slotListIndex  which token slot
 * @param pin            the user PIN, from the environment ({@code ECONTRACT_CRYPTO_PKCS11_PIN}), never a file in the repo
 * @param chainDirectory where each key's certificate chain (public data) is kept as PEM
 */
@ConfigurationProperties("econtract.crypto.pkcs11")
public record Pkcs11Properties(Path library, Integer slotListIndex, String pin, Path chainDirectory) {

    public Pkcs11Properties {
        slotListIndex = slotListIndex == null ? 0 : slotListIndex;
        chainDirectory = chainDirectory == null ? Path.of("data", "keys", "pkcs11-chains") : chainDirectory;
    }

    @Override
    public String toString() {
        return "Pkcs11Properties[library=" + library + ", slotListIndex=" + slotListIndex + ", chainDirectory=" + chainDirectory + "]";
    }
}
