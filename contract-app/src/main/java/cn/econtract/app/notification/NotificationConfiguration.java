package cn.econtract.app.notification;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    @Bean
    @Primary  // the outbox is a gateway too; this is the one that delivers
    MessageGateway messageGateway(NotificationProperties properties, Outbox outbox) {
        return switch (properties.sms().gateway()) {
            case "outbox" -> outbox;
            case "http" -> new HttpSmsGateway(properties.sms(), outbox);
            default -> throw new IllegalArgumentException("econtract.notification.sms.gateway must be outbox or http");
        };
    }
}
