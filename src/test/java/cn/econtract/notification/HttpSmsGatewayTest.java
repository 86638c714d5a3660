package cn.econtract.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.notification.HttpSmsGateway;
import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.NotificationProperties;
import cn.econtract.app.notification.TextMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP SMS adapter against a local HTTP server standing in for the SMS provider — a third-party
 * service that cannot run here. Everything on our side of the wire is real: the request, its JSON,
 * the API-key header, the handling of the provider's status.
 */
class HttpSmsGatewayTest {

    private HttpServer provider;
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> key = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final List<TextMessage> emails = new ArrayList<>();

    @BeforeEach
    void provider() throws Exception {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms/send", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            key.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private HttpSmsGateway gateway() {
        MessageGateway email = emails::add;
        return new HttpSmsGateway(new NotificationProperties.Sms("http",
                URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms/send"), null, "test-key", null,
                Duration.ofSeconds(5)), email);
    }

    @Test
    void anSmsIsPostedAsJsonWithTheApiKeyAndEmailGoesElsewhere() throws Exception {
        gateway().send(new TextMessage(TextMessage.Channel.SMS, "13800138000", "您的签署验证码为 123456"));
        JsonNode sent = new ObjectMapper().readTree(body.get());
        assertThat(sent.get("phone").asText()).isEqualTo("13800138000");
        assertThat(sent.get("text").asText()).contains("123456");
        assertThat(sent.get("signName").asText()).isEqualTo("电子合同");
        assertThat(key.get()).isEqualTo("test-key");

        gateway().send(new TextMessage(TextMessage.Channel.EMAIL, "a@example.cn", "code"));
        assertThat(emails).hasSize(1);
    }

    @Test
    void aProviderErrorFailsTheSend() {
        status.set(503);
        assertThatThrownBy(() -> gateway().send(new TextMessage(TextMessage.Channel.SMS, "13800138000", "x")))
                .hasMessageContaining("HTTP 503");
        provider.stop(0);
        assertThatThrownBy(() -> gateway().send(new TextMessage(TextMessage.Channel.SMS, "13800138000", "x")))
                .hasMessageContaining("unreachable");
    }
}
