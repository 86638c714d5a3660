package cn.econtract.app.signing;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.TextMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes for a signer (F3.1: SMS or e-mail): six random digits, kept only as an HMAC under a
 * platform key, valid five minutes, five attempts, used once; at most one code a minute and five an
 * hour per signer. The code is bound to its purpose (the document being signed).
 */
@Service
public class SignerChallenges {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    static final int MAX_PER_HOUR = 5;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MessageGateway gateway;
    private final SecretKey macKey;
    private final MessageSource messages;
    private final Clock clock;

    SignerChallenges(JdbcClient jdbc, MessageGateway gateway, KeyEncryptionKeyProvider keys, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.macKey = keys.macKey("signer-challenge");
        this.messages = messages;
        this.clock = clock;
    }

    /** What the caller may show: where the code went (masked) and until when it is valid. */
    public record Challenge(String id, TextMessage.Channel channel, String sentTo, Instant expiresAt) {
    }

    public enum Outcome { VERIFIED, WRONG_CODE, EXPIRED, LOCKED, UNKNOWN }

    @Transactional
    public Challenge send(String signer, String purpose, TextMessage.Channel channel, String destination) {
        if (destination == null || !(channel == TextMessage.Channel.SMS ? PHONE : EMAIL).matcher(destination).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.challenge.destination");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant last = jdbc.sql("SELECT MAX(created_at) FROM signer_challenge WHERE signer = :signer").param("signer", signer)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().map(OffsetDateTime::toInstant).orElse(null);
        if (last != null && last.plus(RESEND_AFTER).isAfter(now)) {
            throw new BusinessException(ErrorCode.TOO_MANY_REQUESTS, "error.challenge.tooSoon",
                    Duration.between(now, last.plus(RESEND_AFTER)).toSeconds() + 1);
        }
        long lastHour = jdbc.sql("SELECT COUNT(*) FROM signer_challenge WHERE signer = :signer AND created_at > :since")
                .param("signer", signer).param("since", utc(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (lastHour >= MAX_PER_HOUR) {
            throw new BusinessException(ErrorCode.TOO_MANY_REQUESTS, "error.challenge.tooMany", MAX_PER_HOUR);
        }
        String id = UUID.randomUUID().toString();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant expires = now.plus(VALIDITY);
        jdbc.sql("INSERT INTO signer_challenge (id, signer, purpose, channel, destination, code_mac, created_at, expires_at, attempts) "
                        + "VALUES (:id, :signer, :purpose, :channel, :to, :mac, :at, :expires, 0)")
                .param("id", id).param("signer", signer).param("purpose", purpose).param("channel", channel.name())
                .param("to", masked(destination)).param("mac", mac(id, purpose, code)).param("at", utc(now))
                .param("expires", utc(expires)).update();
        gateway.send(new TextMessage(channel, destination, messages.getMessage("challenge.sms",
                new Object[] {code, VALIDITY.toMinutes()}, Locale.SIMPLIFIED_CHINESE)));
        return new Challenge(id, channel, masked(destination), expires);
    }

    /** Checks a code for the challenge and purpose; a wrong code counts, the fifth locks the challenge. */
    @Transactional
    public Outcome verify(String challengeId, String purpose, String code) {
        Stored row = jdbc.sql("SELECT purpose, code_mac, expires_at, attempts, verified_at FROM signer_challenge WHERE id = :id FOR UPDATE")
                .param("id", challengeId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getInt(4), rs.getObject(5, OffsetDateTime.class) != null)).optional().orElse(null);
        if (row == null || !purpose.equals(row.purpose()) || row.used()) {
            return Outcome.UNKNOWN;
        }
        if (row.attempts() >= MAX_ATTEMPTS) {
            return Outcome.LOCKED;
        }
        if (!row.expiresAt().isAfter(clock.instant())) {
            return Outcome.EXPIRED;
        }
        boolean match = code != null && MessageDigest.isEqual(mac(challengeId, purpose, code).getBytes(StandardCharsets.US_ASCII),
                row.codeMac().getBytes(StandardCharsets.US_ASCII));
        if (match) {
            jdbc.sql("UPDATE signer_challenge SET verified_at = :at WHERE id = :id").param("at", utc(clock.instant()))
                    .param("id", challengeId).update();
            return Outcome.VERIFIED;
        }
        jdbc.sql("UPDATE signer_challenge SET attempts = attempts + 1 WHERE id = :id").param("id", challengeId).update();
        return row.attempts() + 1 >= MAX_ATTEMPTS ? Outcome.LOCKED : Outcome.WRONG_CODE;
    }

    private record Stored(String purpose, String codeMac, Instant expiresAt, int attempts, boolean used) {
    }

    private String mac(String id, String purpose, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal((id + "\n" + purpose + "\n" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String masked(String destination) {
        int at = destination.indexOf('@');
        if (at > 0) {
            return destination.charAt(0) + "***" + destination.substring(at);
        }
        return destination.substring(0, 3) + "****" + destination.substring(destination.length() - 4);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
