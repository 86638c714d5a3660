package cn.econtract.app.webhook;

import cn.econtract.app.kernel.BusinessException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: POST of the JSON payload with {@code X-Econtract-Event},
 * {@code X-Econtract-Delivery}, {@code X-Econtract-Timestamp} and {@code X-Econtract-Signature:
 * sha256=HMAC(secret, timestamp + "." + body)}. A 2xx answer delivers it; anything else waits
 * {@link WebhookProperties#backoffAfter} and tries again, up to the attempts allowed, then FAILED.
 * A delivery is claimed before it is sent, so two nodes never send it twice at the same time.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final WebhookSubscriptions subscriptions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(JdbcClient jdbc, WebhookSubscriptions subscriptions, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${econtract.webhook.interval:PT5S}", initialDelayString = "PT20S")
    void scheduled() {
        dispatch(clock.instant());
    }

    /** Sends what is due at {@code now}; answers how many were delivered. */
    public int dispatch(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<Map<String, Object>> due = jdbc.sql("SELECT d.id, d.event, d.payload, d.attempts, s.id AS sid, s.url, s.secret "
                        + "FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND s.active = TRUE ORDER BY d.next_attempt_at "
                        + "FETCH FIRST 100 ROWS ONLY").param("now", at)
                .query((rs, n) -> Map.<String, Object>of("id", rs.getString(1), "event", rs.getString(2), "payload", rs.getString(3),
                        "attempts", rs.getInt(4), "sid", rs.getString(5), "url", rs.getString(6), "secret", rs.getString(7))).list();
        int delivered = 0;
        for (Map<String, Object> d : due) {
            String id = (String) d.get("id");
            // claimed by moving the next attempt out of reach of any other node for the send's duration
            int claimed = jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = :lease WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now")
                    .param("lease", at.plus(properties.timeout().multipliedBy(3))).param("id", id).param("now", at).update();
            if (claimed == 0) {
                continue;
            }
            int attempts = (int) d.get("attempts") + 1;
            Integer status = null;
            String error = null;
            try {
                String body = (String) d.get("payload");
                String timestamp = Long.toString(now.getEpochSecond());
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create((String) d.get("url"))).timeout(properties.timeout())
                        .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "econtract-webhook/1")
                        .header("X-Econtract-Event", (String) d.get("event")).header("X-Econtract-Delivery", id)
                        .header("X-Econtract-Timestamp", timestamp)
                        .header("X-Econtract-Signature", "sha256=" + sign(subscriptions.secret((String) d.get("sid"), (String) d.get("secret")),
                                timestamp + "." + body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
            boolean ok = status != null && status / 100 == 2;
            String next = ok ? "DELIVERED" : attempts >= properties.maxAttempts() ? "FAILED" : "PENDING";
            jdbc.sql("UPDATE webhook_delivery SET status = :st, attempts = :a, last_status = :ls, last_error = :le, next_attempt_at = :next, "
                            + "delivered_at = :dat WHERE id = :id")
                    .param("st", next).param("a", attempts).param("ls", status).param("le", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                    .param("next", ok ? at : at.plus(properties.backoffAfter(attempts))).param("dat", ok ? at : null).param("id", id).update();
            if (ok) {
                delivered++;
            } else {
                log.warn("Webhook delivery {} ({}) attempt {} failed: {}", id, d.get("event"), attempts, status != null ? "HTTP " + status : error);
            }
        }
        return delivered;
    }

    /** Replay: the delivery is sent again at the next round, whatever became of it. */
    public void replay(String deliveryId) {
        if (jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, delivered_at = NULL WHERE id = :id")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", deliveryId).update() == 0) {
            throw BusinessException.notFound("webhook delivery", deliveryId);
        }
    }

    /** The delivery log of a subscription, newest first. */
    public List<Map<String, Object>> log(String subscriptionId) {
        return jdbc.sql("SELECT id, event, contract_id, status, attempts, last_status, last_error, created_at, delivered_at, next_attempt_at "
                        + "FROM webhook_delivery WHERE subscription_id = :s ORDER BY created_at DESC FETCH FIRST 200 ROWS ONLY")
                .param("s", subscriptionId).query((rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("id", rs.getString(1));
                    row.put("event", rs.getString(2));
                    row.put("contractId", rs.getString(3));
                    row.put("status", rs.getString(4));
                    row.put("attempts", rs.getInt(5));
                    row.put("lastStatus", rs.getObject(6));
                    row.put("lastError", rs.getString(7));
                    row.put("createdAt", rs.getObject(8, OffsetDateTime.class).toInstant());
                    OffsetDateTime delivered = rs.getObject(9, OffsetDateTime.class);
                    row.put("deliveredAt", delivered == null ? null : delivered.toInstant());
                    row.put("nextAttemptAt", rs.getObject(10, OffsetDateTime.class).toInstant());
                    return row;
                }).list();
    }

    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
