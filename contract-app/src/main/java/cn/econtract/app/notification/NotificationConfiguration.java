package cn.econtract.app.notification;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    Outbox outbox(JdbcClient jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    @Bean
    @Primary  // the outbox is a gateway too; this is the one that delivers
    MessageGateway messageGateway(NotificationProperties properties, Outbox outbox, ObjectProvider<JavaMailSender> mailSender) {
        MessageGateway email = outbox;
        if (properties.mail().enabled()) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalArgumentException("econtract.notification.mail.enabled needs spring.mail.host");
            }
            email = new MailGateway(sender, properties.mail().from(), outbox);
        }
        MessageGateway sms = switch (properties.sms().gateway()) {
            case "outbox" -> outbox;
            case "http" -> new HttpSmsGateway(properties.sms(), outbox);
            default -> throw new IllegalArgumentException("econtract.notification.sms.gateway must be outbox or http");
        };
        return new ChannelRouter(email, sms);
    }
}
