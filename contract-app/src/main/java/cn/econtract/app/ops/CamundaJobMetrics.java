package cn.econtract.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Job executor backlog, failed jobs and open incidents as Prometheus gauges (O1). */
@Component
class CamundaJobMetrics implements MeterBinder {

    private final ManagementService management;
    private final RuntimeService runtime;

    CamundaJobMetrics(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("camunda.jobs.executable", management, m -> m.createJobQuery().executable().count())
                .description("Jobs due and waiting for the job executor").register(registry);
        Gauge.builder("camunda.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries").register(registry);
        Gauge.builder("camunda.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents").register(registry);
    }
}
