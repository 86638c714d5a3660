package cn.econtract.app.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Computes the chain hash of an entry: HMAC-SHA256 over its fields and the previous entry's hash.
 * An HMAC rather than a bare hash: whoever can write the table but not read the key store cannot
 * recompute a consistent chain after editing it.
 */
public final class OperationChain {

    public static final String GENESIS = "0".repeat(64);

    private final SecretKey key;

    public OperationChain(SecretKey key) {
        this.key = key;
    }

    public String hash(OperationEntry e) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(16).putLong(e.seq()).putLong(e.occurredAt().toEpochMilli()).array());
            for (String field : new String[] {e.actor(), e.action().name(), e.resourceType(), e.resourceId(),
                    e.outcome().name(), e.clientIp(), e.userAgent(), e.detail(), e.prevHash()}) {
                // length-prefixed so that ("ab","c") and ("a","bc") never hash alike; -1 marks null
                byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
                mac.update(bytes);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
        }
    }
}
