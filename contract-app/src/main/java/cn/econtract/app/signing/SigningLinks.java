package cn.econtract.app.signing;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/**
 * One-time tokens of the e-mailed signing links (a counterparty's signer has no account): 256
 * random bits, only their HMAC kept, so a database reader cannot rebuild a link. A reminder issues
 * a new token and the old link stops working.
 */
@Component
class SigningLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SigningLinks(KeyEncryptionKeyProvider keys) {
        this.key = keys.macKey("signing-link");
    }

    String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    String mac(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
