package cn.econtract.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Outgoing messages waiting or given up (reminders by e-mail and SMS, webhooks), for the alert rules (O1). */
@Component
class DeliveryMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    DeliveryMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("econtract.deliveries.pending", jdbc, j -> count(j, "SELECT (SELECT COUNT(*) FROM reminder_delivery WHERE status IN ('PENDING', 'CLAIMED'))"
                        + " + (SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING')"))
                .description("Reminders and webhook deliveries not yet sent").register(registry);
        Gauge.builder("econtract.deliveries.failed", jdbc, j -> count(j, "SELECT (SELECT COUNT(*) FROM reminder_delivery WHERE status = 'FAILED')"
                        + " + (SELECT COUNT(*) FROM webhook_delivery WHERE status = 'FAILED')"))
                .description("Reminders and webhook deliveries given up after their attempts").register(registry);
    }

    private static double count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
