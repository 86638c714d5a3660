package cn.econtract.app.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * An SMS provider over HTTP: POST {@code {"phone": …, "text": …, "signName": …}} as JSON with the
 * API key in a header; any 2xx is accepted. Providers differ in detail; this is the common shape the
 * Chinese SMS platforms share, and the place to adapt one. E-mail goes to the outbox until SMTP
 * arrives with the notification issue.
 */
public class HttpSmsGateway implements MessageGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationProperties.Sms settings;
    private final MessageGateway email;
    private final HttpClient http;

    public HttpSmsGateway(NotificationProperties.Sms settings, MessageGateway email) {
        this.settings = settings;
        this.email = email;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(TextMessage message) {
        if (message.channel() != TextMessage.Channel.SMS) {
            email.send(message);
            return;
        }
        try {
            String body = JSON.writeValueAsString(Map.of("phone", message.destination(), "text", message.body(),
                    "signName", settings.signName()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header(settings.apiKeyHeader(), settings.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("SMS provider answered HTTP " + response.statusCode());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("SMS provider unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending an SMS", e);
        }
    }
}
