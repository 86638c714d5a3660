package cn.econtract.app.audit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The operation log for a worker process; the application scans these beans itself. */
@EnableConfigurationProperties(AuditProperties.class)
@Import({OperationLogService.class, OperationLogRepository.class})
public class OperationLogForWorkers {
}
