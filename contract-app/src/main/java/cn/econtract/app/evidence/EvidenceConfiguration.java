package cn.econtract.app.evidence;

import org.camunda.bpm.engine.ExternalTaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In the application only: the worker that polls the embedded engine. */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    InProcessEvidenceWorker inProcessEvidenceWorker(ExternalTaskService tasks, BatchAnchoring anchoring,
                                                    EvidenceProperties properties) {
        return new InProcessEvidenceWorker(tasks, anchoring, properties);
    }
}
