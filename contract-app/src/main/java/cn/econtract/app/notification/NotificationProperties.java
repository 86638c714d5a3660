package cn.econtract.app.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sms  where text messages go: {@code outbox} (default) or an SMS provider over {@code http}
 * @param mail e-mail over SMTP ({@code spring.mail.*}) when enabled, else into the outbox
 */
@ConfigurationProperties("econtract.notification")
public record NotificationProperties(Sms sms, Mail mail) {

    public NotificationProperties {
        sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
        mail = mail == null ? new Mail(false, null) : mail;
    }

    /** @param from the sender address, e.g. {@code 电子合同平台 <noreply@example.cn>} */
    public record Mail(boolean enabled, String from) {

        public Mail {
            from = from == null || from.isBlank() ? "econtract@localhost" : from;
        }
    }

    /**
     * @param apiKey from the environment ({@code ECONTRACT_NOTIFICATION_SMS_API_KEY}), never a file in the repo
     */
    public record Sms(String gateway, URI url, String apiKeyHeader, String apiKey, String signName, Duration timeout) {

        public Sms {
            gateway = gateway == null || gateway.isBlank() ? "outbox" : gateway;
            apiKeyHeader = apiKeyHeader == null ? "X-Api-Key" : apiKeyHeader;
            signName = signName == null ? "电子合同" : signName;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if ("http".equals(gateway) && url == null) {
                throw new IllegalArgumentException("econtract.notification.sms.url is required with gateway=http");
            }
        }

        @Override
        public String toString() {
            return "Sms[gateway=" + gateway + ", url=" + url + "]";
        }
    }
}
