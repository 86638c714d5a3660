package cn.econtract.worker;

import java.time.Clock;
import org.springframework.context.annotation.Bean;

/** The clock of a worker process (the application's comes with its scheduling, which workers do not run). */
class WorkerClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
