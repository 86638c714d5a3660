package cn.econtract.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of our own people signs over the API: a code by e-mail, read from the outbox, then the signature. */
public final class InternalSigning {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private InternalSigning() {
    }

    /** Challenge by e-mail, read the code from the outbox, sign ({@code png}: a handwritten signature, or null for a seal). */
    public static JsonNode sign(Function<String, Http> as, DirectoryService directory, String user, String taskId, String png) {
        JsonNode view = Http.json(as.apply(user).get("/api/v1/signing/" + taskId));
        assertThat(view.get("emailAvailable").asBoolean()).as(view.toString()).isTrue();
        HttpResponse<String> sent = as.apply(user).post("/api/v1/signing/" + taskId + "/challenge", Map.of("channel", "EMAIL"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String challengeId = Http.json(sent).get("id").asText();
        String code = code(as, directory.user(user).orElseThrow().getEmail());
        Map<String, Object> body = new HashMap<>();
        body.put("factors", List.of(Map.of("type", "EMAIL", "challengeId", challengeId, "code", code)));
        if (png != null) {
            body.put("handwriting", png);
        }
        HttpResponse<String> signed = as.apply(user).post("/api/v1/signing/" + taskId + "/sign", body);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        return Http.json(signed);
    }

    /** The latest one-time code sent to {@code destination}, from the notification outbox. */
    public static String code(Function<String, Http> as, String destination) {
        JsonNode outbox = Http.json(as.apply("admin").get("/api/v1/notifications/outbox?destination=" + destination));
        assertThat(outbox).as("outbox for " + destination).isNotEmpty();
        Matcher m = CODE.matcher(outbox.get(0).get("body").asText());
        assertThat(m.find()).as(outbox.toString()).isTrue();
        return m.group(1);
    }

    /** A drawn signature: a few strokes on a transparent pad. */
    public static String handwriting() {
        BufferedImage image = new BufferedImage(400, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6f));
        g.drawLine(30, 100, 120, 30);
        g.drawLine(120, 30, 200, 110);
        g.drawLine(200, 110, 360, 40);
        g.dispose();
        return png(image);
    }

    public static String blankPng() {
        return png(new BufferedImage(400, 150, BufferedImage.TYPE_INT_ARGB));
    }

    private static String png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
