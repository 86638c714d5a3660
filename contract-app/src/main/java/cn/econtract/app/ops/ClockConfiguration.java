package cn.econtract.app.ops;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

    /** One clock for the whole application, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
