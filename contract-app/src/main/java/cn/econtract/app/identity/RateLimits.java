package cn.econtract.app.identity;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API client on this node: the client's rate per second, a burst of twice that.
 * Answers 0 when a request may go, else the seconds until it may (for {@code Retry-After}).
 */
final class RateLimits {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    long acquire(String client, int perSecond) {
        return buckets.computeIfAbsent(client, c -> new Bucket(perSecond * 2.0, clock.millis())).take(perSecond, clock.millis());
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(int perSecond, long now) {
            tokens = Math.min(perSecond * 2.0, tokens + (now - at) / 1000.0 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
