package cn.econtract.app.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly retention purge; entries younger than the retention period are never touched. */
@Component
class OperationLogPurgeJob {

    private static final Logger logger = LoggerFactory.getLogger(OperationLogPurgeJob.class);
    private final OperationLogService log;

    OperationLogPurgeJob(OperationLogService log) {
        this.log = log;
    }

    @Scheduled(cron = "${econtract.audit.purge-cron:0 30 3 * * *}")
    void purge() {
        int removed = log.purgeExpired();
        if (removed > 0) {
            logger.info("Operation log retention purge removed {} entries", removed);
        }
    }
}
