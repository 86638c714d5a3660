package cn.econtract.app.backup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A snapshot every {@code econtract.backup.interval} while the platform runs, when
 * {@code econtract.backup.directory} is set. A failed one is logged and the next one tries again;
 * {@code econtract_backup_age_seconds} (time since the newest complete snapshot) is what the
 * BackupTooOld alert watches.
 */
@Component
@ConditionalOnProperty(prefix = "econtract.backup", name = "directory")
class ScheduledBackups implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    private final Backups backups;
    private final BackupProperties properties;
    private final Clock clock;
    private final AtomicReference<Instant> newest = new AtomicReference<>();

    ScheduledBackups(Backups backups, BackupProperties properties, Clock clock) throws IOException {
        this.backups = backups;
        this.properties = properties;
        this.clock = clock;
        List<Path> complete = Snapshots.complete(properties.directory());
        newest.set(complete.isEmpty() ? clock.instant() : Snapshots.readManifest(complete.get(complete.size() - 1)).createdAt());
    }

    @Scheduled(fixedDelayString = "${econtract.backup.interval:PT15M}", initialDelayString = "${econtract.backup.interval:PT15M}")
    void snapshot() {
        Path root = properties.directory();
        try {
            Path snapshot = backups.create(root);
            newest.set(Snapshots.readManifest(snapshot).createdAt());
            int pruned = backups.prune(root, properties.keep());
            log.info("Snapshot {} taken; {} old snapshot(s) deleted", snapshot, pruned);
        } catch (IOException | RuntimeException e) {
            log.error("Snapshot in {} failed: {}", root, e.getMessage());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("econtract.backup.age", this, b -> Duration.between(b.newest.get(), b.clock.instant()).toSeconds())
                .baseUnit("seconds").description("Time since the newest complete snapshot (or since start, before the first)")
                .register(registry);
    }
}
