package cn.econtract.app.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduled snapshots of the embedded default ({@code econtract.backup.*}).
 *
 * @param directory where snapshots go (best another disk); empty = no scheduled snapshots
 * @param interval  how often: the recovery point objective (15 minutes by default)
 * @param keep      complete snapshots kept, the newest; older ones are deleted
 */
@ConfigurationProperties("econtract.backup")
public record BackupProperties(Path directory, Duration interval, int keep) {

    public BackupProperties {
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        keep = keep <= 0 ? 96 : keep;
    }
}
