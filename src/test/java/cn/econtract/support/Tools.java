package cn.econtract.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools tests check documents with (pdftotext, pdffonts, LibreOffice). A
 * missing tool fails the test with the package to install; nothing is skipped.
 */
public final class Tools {

    private Tools() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(Path workDir, long timeoutSeconds, String... command) {
        Path binary = Path.of(command[0]);
        if (!binary.isAbsolute() || !Files.isExecutable(binary)) {
            throw new AssertionError(command[0] + " is missing: install it (Debian: " + packageOf(command[0])
                    + "); .ci/run installs it");
        }
        try {
            List<String> cmd = new ArrayList<>(List.of(command));
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command[0] + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Text of a PDF as pdftotext (poppler) extracts it. */
    public static String pdfText(byte[] pdf) {
        try {
            Path dir = Files.createTempDirectory("pdftext");
            Path file = dir.resolve("doc.pdf");
            Files.write(file, pdf);
            Result r = run(dir, 60, "/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-");
            if (r.exitCode() != 0) {
                throw new AssertionError("pdftotext failed: " + r.output());
            }
            deleteTree(dir);
            return r.output();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What poppler's pdfsig says of a PDF's signatures (validity of each, and of its certificate). */
    public static String pdfSignatures(byte[] pdf) {
        try {
            Path dir = Files.createTempDirectory("pdfsig");
            Path file = dir.resolve("doc.pdf");
            Files.write(file, pdf);
            Result r = run(dir, 60, "/usr/bin/pdfsig", file.toString());
            deleteTree(dir);
            return r.output();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String packageOf(String tool) {
        return tool.contains("pdf") ? "apt-get install poppler-utils"
                : tool.contains("office") ? "apt-get install libreoffice-writer-nogui"
                : tool.contains("softhsm") ? "apt-get install softhsm2" : "apt-get install " + Path.of(tool).getFileName();
    }
}
