package cn.econtract.app.fulfilment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fulfilment ({@code econtract.fulfilment.*}).
 *
 * @param publicUrl        where links in reminders point
 * @param dispatchInterval how often pending e-mail and SMS reminders are sent
 * @param dunningTemplate  the Word template of the dunning letter (a Spring resource location)
 */
@ConfigurationProperties("econtract.fulfilment")
public record FulfilmentProperties(URI publicUrl, Duration dispatchInterval, String dunningTemplate) {

    public FulfilmentProperties {
        dunningTemplate = dunningTemplate == null || dunningTemplate.isBlank() ? "classpath:dunning/dunning-letter.docx" : dunningTemplate;
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(10) : dispatchInterval;
    }
}
