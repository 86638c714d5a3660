package cn.econtract.app.webhook;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.crypto.DataKeyHolder;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives which events (administrators manage them). The signing secret is generated here,
 * shown once when the subscription is created, and stored sealed under the KEK like every secret.
 */
@Service
public class WebhookSubscriptions implements DataKeyHolder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final AccessService access;
    private final OperationLogService log;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, EnvelopeCipher cipher, AccessService access, OperationLogService log, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    /** A subscription as listed: never the secret. */
    public record Subscription(String id, String name, String url, List<String> events, boolean active, String createdBy, Instant createdAt) {
    }

    /** The answer to creating one: the only time the secret is shown. */
    public record Created(Subscription subscription, String secret) {
    }

    @Transactional
    public Created create(String name, String url, List<String> events) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "validation.required"));
        }
        if (!usable(url)) {
            errors.add(new FieldError("url", "validation.webhook.url"));
        }
        Set<String> chosen = new LinkedHashSet<>(events == null ? List.of() : events);
        if (chosen.isEmpty() || !WebhookEvents.ALL.containsAll(chosen)) {
            errors.add(new FieldError("events", "validation.webhook.events", String.join(", ", WebhookEvents.ALL)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        String id = UUID.randomUUID().toString();
        String by = access.currentUser().id();
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO webhook_subscription (id, name, url, secret, events, active, created_by, created_at) "
                        + "VALUES (:id, :name, :url, :secret, :events, TRUE, :by, :at)")
                .param("id", id).param("name", name.strip()).param("url", url.strip())
                .param("secret", cipher.seal(secret.getBytes(StandardCharsets.UTF_8), aad(id)).encode())
                .param("events", String.join(",", chosen)).param("by", by).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        log.record(OperationRecord.success(by, OperationAction.CREATE, "webhook", id).withDetail(name.strip() + " " + url.strip() + " " + chosen));
        return new Created(new Subscription(id, name.strip(), url.strip(), List.copyOf(chosen), true, by, now), secret);
    }

    public List<Subscription> list() {
        return jdbc.sql("SELECT id, name, url, events, active, created_by, created_at FROM webhook_subscription ORDER BY created_at")
                .query((rs, n) -> new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                        rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }

    @Transactional
    public void deactivate(String id) {
        if (jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE id = :id").param("id", id).update() == 0) {
            throw BusinessException.notFound("webhook", id);
        }
        log.record(OperationRecord.success(null, OperationAction.DELETE, "webhook", id).withDetail("deactivated"));
    }

    /** The secret, for signing a delivery. */
    String secret(String id, String sealed) {
        return new String(cipher.open(SealedValue.decode(sealed), aad(id)), StandardCharsets.UTF_8);
    }

    @Override
    public int rewrapAll(UnaryOperator<SealedValue> rewrap) {
        int changed = 0;
        for (String[] row : jdbc.sql("SELECT id, secret FROM webhook_subscription").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()) {
            String again = rewrap.apply(SealedValue.decode(row[1])).encode();
            if (!again.equals(row[1])) {
                jdbc.sql("UPDATE webhook_subscription SET secret = :s WHERE id = :id").param("s", again).param("id", row[0]).update();
                changed++;
            }
        }
        return changed;
    }

    /** http or https with a host; nothing else is called. */
    static boolean usable(String url) {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && url.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] aad(String id) {
        return ("webhook:" + id).getBytes(StandardCharsets.UTF_8);
    }
}
