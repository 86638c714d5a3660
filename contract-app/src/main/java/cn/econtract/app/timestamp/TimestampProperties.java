package cn.econtract.app.timestamp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param authority {@code embedded} (default: the platform's own authority) or {@code http}
 * @param url       the external TSA (RFC 3161 over HTTP, §3.4)
 * @param username  optional Basic credentials some commercial TSAs ask for
 * @param password  from the environment ({@code ECONTRACT_TIMESTAMP_PASSWORD}), never a file in the repo
 * @param timeout   per request
 * @param policy    the embedded authority's policy OID (a 2.25 UUID arc: ours without registration)
 */
@ConfigurationProperties("econtract.timestamp")
public record TimestampProperties(String authority, URI url, String username, String password, Duration timeout,
                                  String policy) {

    public static final String EMBEDDED = "embedded";
    public static final String HTTP = "http";

    public TimestampProperties {
        authority = authority == null || authority.isBlank() ? EMBEDDED : authority;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        policy = policy == null ? "2.25.184561327102548330870546436917389153219" : policy;
        if (HTTP.equals(authority) && url == null) {
            throw new IllegalArgumentException("econtract.timestamp.url is required when econtract.timestamp.authority=http");
        }
    }

    @Override
    public String toString() {
        return "TimestampProperties[authority=" + authority + ", url=" + url + ", username=" + username + "]";
    }
}
