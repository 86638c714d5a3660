package cn.econtract.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.timestamp.HttpTimeStampAuthority;
import cn.econtract.app.timestamp.TimeStampAuthority;
import cn.econtract.app.timestamp.TimestampProperties;
import cn.econtract.app.timestamp.TimeStampingException;
import cn.econtract.support.OnH2;
import cn.econtract.support.Tools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTTP adapter against a real RFC 3161 authority over HTTP: the application's own /tsa, which
 * OpenSSL (an independent implementation) also accepts and verifies.
 */
@OnH2
class HttpTimeStampAuthorityH2IT extends TimeStampAuthorityContract {

    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    @Override
    TimeStampAuthority authority() {
        return new HttpTimeStampAuthority(new TimestampProperties("http", URI.create("http://localhost:" + port + "/tsa"),
                "auditor", "demo", Duration.ofSeconds(10), null));
    }

    @Test
    void openSslRequestsAndVerifiesOurTimeStamps() throws Exception {
        Path data = dir.resolve("manifest.json");
        Files.writeString(data, "{\"contractNo\":\"CG-2026-000001\"}");
        Tools.Result query = Tools.run(dir, 30, "/usr/bin/openssl", "ts", "-query", "-data", data.toString(), "-sha256",
                "-cert", "-out", "request.tsq");
        assertThat(query.exitCode()).as(query.output()).isZero();

        HttpResponse<byte[]> reply = post(Files.readAllBytes(dir.resolve("request.tsq")), true);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/timestamp-reply"));
        Files.write(dir.resolve("reply.tsr"), reply.body());
        Files.writeString(dir.resolve("tsa.pem"), pem(reply.body()));

        Tools.Result verify = Tools.run(dir, 30, "/usr/bin/openssl", "ts", "-verify", "-queryfile", "request.tsq",
                "-in", "reply.tsr", "-CAfile", "tsa.pem");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("Verification: OK");
    }

    @Test
    void notATimeStampQueryIsA400AnOversizedOneA413AndAnonymousCallersAreRefused() throws Exception {
        HttpResponse<byte[]> garbage = post("这不是时间戳请求".getBytes(StandardCharsets.UTF_8), true);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(post(new byte[5000], true).statusCode()).isEqualTo(413);
        // no credentials: refused before anything is signed (401, or 403 from the CSRF guard on a session-less POST)
        assertThat(post(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, false).statusCode()).isIn(401, 403);
    }

    @Test
    void theAdapterReportsAnAuthorityThatRefusesItsCredentials() {
        HttpTimeStampAuthority wrong = new HttpTimeStampAuthority(new TimestampProperties("http",
                URI.create("http://localhost:" + port + "/tsa"), "auditor", "wrong", Duration.ofSeconds(10), null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.stamp(new byte[32]))
                .isInstanceOf(TimeStampingException.class).hasMessageContaining("HTTP 401");
    }

    private HttpResponse<byte[]> post(byte[] body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tsa"))
                .header("Content-Type", "application/timestamp-query").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The TSA certificate the reply carries, as PEM for openssl -CAfile (self-signed in the embedded default). */
    private static String pem(byte[] reply) throws Exception {
        var holder = (org.bouncycastle.cert.X509CertificateHolder) new org.bouncycastle.tsp.TimeStampResponse(reply)
                .getTimeStampToken().getCertificates().getMatches(null).iterator().next();
        return cn.econtract.app.crypto.Pem.certificates(java.util.List.of(
                new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder)));
    }
}
