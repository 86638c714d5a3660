package cn.econtract.app.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param sms where text messages go: {@code outbox} (default) or an SMS provider over {@code http} */
@ConfigurationProperties("econtract.notification")
public record NotificationProperties(Sms sms) {

    public NotificationProperties {
        sms = sms == null ? new Sms(null, null, null, null, null, null) : sms;
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
