package cn.econtract.app.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery ({@code econtract.webhook.*}).
 *
 * @param interval    how often due deliveries are sent
 * @param timeout     how long a receiver may take to answer
 * @param backoff     the wait after the first failure; it doubles after each one, up to an hour
 * @param maxAttempts attempts before a delivery is marked FAILED (it can still be replayed)
 */
@ConfigurationProperties("econtract.webhook")
public record WebhookProperties(Duration interval, Duration timeout, Duration backoff, Integer maxAttempts) {

    public WebhookProperties {
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    }

    Duration backoffAfter(int attempts) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 16));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
