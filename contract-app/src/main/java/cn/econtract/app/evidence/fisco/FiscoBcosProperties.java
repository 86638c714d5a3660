package cn.econtract.app.evidence.fisco;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param configFile      the SDK's {@code config.toml}: peers, TLS (or SM-TLS) certificates, and the
 *                        account key that signs transactions (kept outside the repository)
 * @param group           the chain group, e.g. {@code group0}
 * @param contractAddress where {@code EvidenceAnchor.sol} was deployed
 * @param attempts        tries per anchoring before the task fails (then Camunda retries the task)
 * @param backoff         pause between tries
 */
@ConfigurationProperties("econtract.evidence.fisco-bcos")
public record FiscoBcosProperties(Path configFile, String group, String contractAddress, Integer attempts,
                                  Duration backoff) {

    public FiscoBcosProperties {
        group = group == null || group.isBlank() ? "group0" : group;
        attempts = attempts == null ? 3 : attempts;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
    }
}
