package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.ContractPlatformApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * S1 transport: the {@code https} profile, probed by OpenSSL's own client (a tool we did not
 * write). TLS 1.1 must be refused by the server even when the client insists; 1.2 and 1.3 work.
 */
@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:tls;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"https", "test"})
class TransportSecurityTlsIT {

    private static Path keystore;

    @LocalServerPort
    int port;

    @BeforeAll
    static void requireOpenssl() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/openssl")))
                .as("this test needs the openssl command-line tool (Debian package openssl)").isTrue();
        assertThat(Files.isExecutable(Path.of("/usr/bin/curl")))
                .as("this test needs curl (Debian package curl)").isTrue();
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("econtract-tls");
        keystore = dir.resolve("tls.p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "econtract", "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "tls-test-pass"));
        registry.add("server.ssl.key-store", keystore::toString);
        registry.add("server.ssl.key-store-password", () -> "tls-test-pass");
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    }

    @Test
    void tls11IsRefusedEvenWhenTheClientInsists() throws Exception {
        Result result = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_1",
                "-cipher", "DEFAULT@SECLEVEL=0"));
        assertThat(result.exit()).isNotZero();
        // the server answers with a protocol_version alert: the refusal is its own, not the client's
        assertThat(result.output()).contains("alert protocol version").doesNotContain("Cipher is ECDHE");
    }

    @Test
    void tls12IsServedWithAForwardSecretAeadSuite() throws Exception {
        Result result = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2"));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Protocol  : TLSv1.2").containsPattern("Cipher\\s*:\\s*ECDHE-ECDSA-(AES\\d+-GCM|CHACHA20)");
    }

    @Test
    void tls13IsServed() throws Exception {
        Result result = run(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_3"));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("TLSv1.3");
    }

    @Test
    void httpsResponsesCarryHstsAndSecureCookies() throws Exception {
        Result result = run(List.of("curl", "-sk", "-D", "-", "-o", "/dev/null", "https://127.0.0.1:" + port + "/login"));
        assertThat(result.output()).containsIgnoringCase("Strict-Transport-Security: max-age=31536000 ; includeSubDomains");
        assertThat(result.output()).containsPattern("(?i)Set-Cookie: JSESSIONID=[^\\n]*Secure");
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
