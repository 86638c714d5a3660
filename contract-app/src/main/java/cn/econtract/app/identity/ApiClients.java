package cn.econtract.app.identity;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.kernel.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients of other systems (OA, ERP): each key acts as a service account of the directory, so
 * its roles — and their department scopes — decide what it may do, exactly as for a person. The key
 * is shown once; only its SHA-256 is stored. Each client has its own rate limit.
 */
@Service
public class ApiClients {

    static final String PREFIX = "eck_";
    /**
     * How long a node trusts a key it looked up: every API call presents its key, and the look-up
     * was a database round trip per call. A revoked key stops at once on the node that revoked it
     * and within this time on the others.
     */
    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(5);
    private static final int KEY_CACHE_MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DirectoryService directory;
    private final OperationLogService log;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(Client client, Instant until) {
    }

    ApiClients(JdbcClient jdbc, DirectoryService directory, OperationLogService log, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.log = log;
        this.clock = clock;
    }

    public record Client(String id, String name, String userId, int ratePerSecond, boolean active, String createdBy, Instant createdAt) {
    }

    public record Created(Client client, String apiKey) {
    }

    @Transactional
    public Created create(String name, String userId, Integer ratePerSecond, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new FieldError("name", "validation.required"));
        }
        if (userId == null || directory.user(userId).isEmpty()) {
            errors.add(new FieldError("userId", "validation.apiClient.user"));
        }
        int rate = ratePerSecond == null ? 50 : ratePerSecond;
        if (rate < 1 || rate > 10_000) {
            errors.add(new FieldError("ratePerSecond", "validation.apiClient.rate"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Client client = new Client(UUID.randomUUID().toString(), name.strip(), userId, rate, true, by, clock.instant());
        jdbc.sql("INSERT INTO api_client (id, name, user_id, key_hash, rate_per_second, active, created_by, created_at) "
                        + "VALUES (:id, :name, :user, :hash, :rate, TRUE, :by, :at)")
                .param("id", client.id()).param("name", client.name()).param("user", userId).param("hash", hash(key)).param("rate", rate)
                .param("by", by).param("at", OffsetDateTime.ofInstant(client.createdAt(), ZoneOffset.UTC)).update();
        log.record(OperationRecord.success(by, OperationAction.PERMISSION_CHANGE, "api-client", client.id())
                .withDetail(client.name() + " as " + userId + ", " + rate + "/s"));
        return new Created(client, key);
    }

    public List<Client> list() {
        return jdbc.sql("SELECT id, name, user_id, rate_per_second, active, created_by, created_at FROM api_client ORDER BY created_at")
                .query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).list();
    }

    @Transactional
    public void revoke(String id, String by) {
        if (jdbc.sql("UPDATE api_client SET active = FALSE WHERE id = :id").param("id", id).update() == 0) {
            throw BusinessException.notFound("api client", id);
        }
        known.values().removeIf(k -> k.client().id().equals(id));
        log.record(OperationRecord.success(by, OperationAction.PERMISSION_CHANGE, "api-client", id).withDetail("revoked"));
    }

    /** The active client a presented key belongs to. */
    Optional<Client> byKey(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(key);
        Instant now = clock.instant();
        Known cached = known.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.client());
        }
        Optional<Client> client = jdbc.sql("SELECT id, name, user_id, rate_per_second, active, created_by, created_at FROM api_client "
                        + "WHERE key_hash = :h AND active = TRUE")
                .param("h", hash)
                .query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant())).optional();
        if (client.isPresent()) {
            if (known.size() >= KEY_CACHE_MAX) {
                known.clear();
            }
            known.put(hash, new Known(client.get(), now.plus(KEY_CACHE_TTL)));
        } else {
            known.remove(hash);
        }
        return client;
    }

    private static String hash(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
