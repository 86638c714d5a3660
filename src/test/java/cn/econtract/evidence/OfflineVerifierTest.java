package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.OfflineVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier refuses hostile or broken input with a message and exit code 2, never a crash or a huge allocation. */
class OfflineVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aPackageThatExpandsBeyondTheLimitIsRefused() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("events.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
                out.write(zeros);  // 65 MiB of zeros: a few hundred KiB compressed
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        Result r = run(OfflineVerifier.VERIFY_PACKAGE, zip.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("expands beyond");
    }

    @Test
    void aFileNameThatClimbsOutOfThePackageIsRefused() throws IOException {
        Path zip = zipOf("slip.zip", "../../etc/cron.d/evil", "x".getBytes(StandardCharsets.UTF_8));
        Result r = run(OfflineVerifier.VERIFY_PACKAGE, zip.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("unsafe file name");
    }

    @Test
    void aPackageWithoutItsManifestFailsAndGarbageIsUnreadable() throws IOException {
        Path zip = zipOf("empty.zip", "contract.pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(run(OfflineVerifier.VERIFY_PACKAGE, zip.toString()).exit()).isEqualTo(1);
        Path garbage = dir.resolve("proof.json");
        Files.writeString(garbage, "{not json");
        Result r = run(OfflineVerifier.VERIFY_PROOF, garbage.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("无法读取");
        assertThat(run(OfflineVerifier.VERIFY_PROOF).exit()).isEqualTo(2);
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"format\":\"econtract-evidence-proof/1\",\"status\":\"ANCHORED\",\"entry\":{\"seq\":1,"
                + "\"type\":\"CREATED\",\"contractId\":\"c\",\"actor\":\"a\",\"occurredAt\":\"2026-11-29T00:00:00Z\","
                + "\"prevHash\":\"00\",\"entryHash\":\"00\"},\"batch\":{\"batchNo\":1},\"inclusion\":{\"leafIndex\":0}}");
        Result cut = run(OfflineVerifier.VERIFY_PROOF, truncated.toString());
        assertThat(cut.exit()).isIn(1, 2);
        assertThat(cut.output()).doesNotContain("RESULT: VALID");
    }

    record Result(int exit, String output) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = new OfflineVerifier(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(args);
        return new Result(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    /** A package with one entry. */
    private Path zipOf(String file, String entry, byte[] content) throws IOException {
        Path zip = dir.resolve(file);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        return zip;
    }
}
