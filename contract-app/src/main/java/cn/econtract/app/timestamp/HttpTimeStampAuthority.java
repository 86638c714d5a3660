package cn.econtract.app.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * Any external RFC 3161 authority over HTTP (§3.4): POST {@code application/timestamp-query}, read
 * {@code application/timestamp-reply}. A fresh nonce per request; the reply must be granted, answer
 * this very request (nonce, imprint, policy if asked) and carry a token that verifies.
 */
public class HttpTimeStampAuthority implements TimeStampAuthority {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";
    private static final int MAX_REPLY = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimestampProperties properties;
    private final HttpClient http;

    public HttpTimeStampAuthority(TimestampProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public byte[] stamp(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            HttpRequest.Builder post = HttpRequest.newBuilder(properties.url()).timeout(properties.timeout())
                    .header("Content-Type", QUERY).header("Accept", REPLY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()));
            if (properties.username() != null && !properties.username().isBlank()) {
                String pair = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
                post.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<InputStream> reply = http.send(post.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = reply.body()) {
                body = in.readNBytes(MAX_REPLY + 1);
            }
            if (reply.statusCode() != 200) {
                throw new TimeStampingException(describe() + " answered HTTP " + reply.statusCode());
            }
            if (body.length > MAX_REPLY) {
                throw new TimeStampingException(describe() + " sent a reply over " + MAX_REPLY + " bytes");
            }
            TimeStampResponse response = new TimeStampResponse(body);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimeStampingException(describe() + " refused: status " + response.getStatus() + " "
                        + response.getStatusString());
            }
            byte[] token = response.getTimeStampToken().getEncoded();
            TimeStampTokens.Check check = TimeStampTokens.verify(token, sha256);
            if (!check.valid()) {
                throw new TimeStampingException(describe() + " sent a token that does not verify: " + check.problem());
            }
            return token;
        } catch (IOException | TSPException e) {
            throw new TimeStampingException(describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeStampingException(describe() + ": interrupted", e);
        }
    }

    @Override
    public String describe() {
        return "RFC 3161 TSA " + properties.url();
    }
}
