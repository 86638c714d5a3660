package cn.econtract.app.signing;

import org.camunda.bpm.engine.ExternalTaskService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    /** The only verifier that runs here is the labelled stand-in; a vendor adapter replaces this bean. */
    @Bean
    RealNameVerifier realNameVerifier(SigningProperties properties) {
        if (!"demo".equals(properties.realName())) {
            return (name, id, phone) -> new RealNameVerifier.Verdict(false, properties.realName(), null, "unavailable");
        }
        return new DemoRealNameVerifier();
    }

    @Bean
    InProcessSigningWorker inProcessSigningWorker(ExternalTaskService tasks, LongTermClosure closure, SigningProperties properties) {
        return new InProcessSigningWorker(tasks, closure, properties);
    }
}
