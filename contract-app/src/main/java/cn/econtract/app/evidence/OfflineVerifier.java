package cn.econtract.app.evidence;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.timestamp.TimeStampTokens;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The offline verifier in the jar, run without Spring, a database or a network:
 * {@code java -jar contract-app.jar verify-proof proof.json… [--tsa-cert tsa.pem]} and
 * {@code verify-package package.zip [--tsa-cert tsa.pem]}. Exit 0 when everything holds, 1 when
 * anything does not, 2 for wrong usage or an unreadable file. A package is read with limits (file
 * count, sizes) so a hostile ZIP cannot exhaust memory.
 */
public final class OfflineVerifier {

    public static final String VERIFY_PROOF = "verify-proof";
    public static final String VERIFY_PACKAGE = "verify-package";
    static final int MAX_FILES = 20_000;
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final PrintStream out;

    public OfflineVerifier(PrintStream out) {
        this.out = out;
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && (VERIFY_PROOF.equals(args[0]) || VERIFY_PACKAGE.equals(args[0]));
    }

    public int run(String[] args) {
        List<Path> files = new ArrayList<>();
        X509Certificate trusted = null;
        try {
            for (int i = 1; i < args.length; i++) {
                if ("--tsa-cert".equals(args[i]) && i + 1 < args.length) {
                    trusted = certificate(Path.of(args[++i]));
                } else {
                    files.add(Path.of(args[i]));
                }
            }
            if (files.isEmpty()) {
                out.println("用法 usage: " + VERIFY_PROOF + " proof.json… | " + VERIFY_PACKAGE + " package.zip  [--tsa-cert tsa.pem]");
                return 2;
            }
            boolean ok = true;
            for (Path file : files) {
                ok &= VERIFY_PACKAGE.equals(args[0]) ? verifyPackage(Files.readAllBytes(file), trusted)
                        : verifyProof(Files.readAllBytes(file), file.toString(), trusted);
            }
            out.println(ok ? "结论：全部通过 RESULT: VALID" : "结论：验证不通过 RESULT: INVALID");
            return ok ? 0 : 1;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // a hand-edited or truncated file (missing fields, wrong types) is unreadable input, not a crash
            out.println("无法读取 cannot read: " + e);
            return 2;
        }
    }

    boolean verifyProof(byte[] json, String name, X509Certificate trusted) throws IOException {
        EvidenceProof proof = JSON.readValue(json, EvidenceProof.class);
        ProofVerifier.Report report = ProofVerifier.verify(proof, trusted);
        out.println("== " + name + "（事件 entry #" + report.seq() + (proof.entry() == null ? "" : " " + proof.entry().type()) + "）");
        for (ProofVerifier.Step step : report.steps()) {
            out.println((step.info() ? "  [提示 NOTE] " : step.ok() ? "  [通过 OK]   " : "  [失败 FAIL] ") + step.zh() + " | " + step.en());
        }
        return report.valid();
    }

    boolean verifyPackage(byte[] zip, X509Certificate trusted) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        byte[] manifestBytes = files.get(EvidencePackages.MANIFEST);
        byte[] manifestToken = files.get(EvidencePackages.MANIFEST_TOKEN);
        if (manifestBytes == null || manifestToken == null) {
            out.println("  [失败 FAIL] 缺少 manifest.json 或 manifest.tsr | manifest or its time-stamp missing");
            return false;
        }
        boolean ok = true;
        com.fasterxml.jackson.databind.JsonNode manifest = JSON.readTree(manifestBytes);
        out.println("== 证据包 evidence package: 合同 " + manifest.path("contractNo").asText("?") + "，生成于 "
                + manifest.path("generatedAt").asText("?"));
        TimeStampTokens.Check stamp = TimeStampTokens.verify(manifestToken, Sha256.digest(manifestBytes));
        if (stamp.valid()) {
            out.println("  [通过 OK]   清单时间戳有效：证据包在 " + stamp.time() + " 之前已按现状存在（" + stamp.tsa() + "）| manifest time-stamped");
            if (trusted != null && !stamp.tsaCertificate().equals(trusted)) {
                out.println("  [失败 FAIL] 清单时间戳并非由您信任的时间戳机构签发 | manifest token not from the TSA you trust");
                ok = false;
            }
        } else {
            out.println("  [失败 FAIL] 清单时间戳无效：" + stamp.problem() + " | manifest time-stamp invalid");
            ok = false;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.path("files").fields().forEachRemaining(f -> listed.put(f.getKey(), f.getValue().asText()));
        for (Map.Entry<String, String> file : listed.entrySet()) {
            byte[] content = files.get(file.getKey());
            if (content == null) {
                out.println("  [失败 FAIL] 清单列出的文件缺失：" + file.getKey() + " | listed file missing");
                ok = false;
            } else if (!Sha256.hex(content).equals(file.getValue())) {
                out.println("  [失败 FAIL] 文件已被改动：" + file.getKey() + " | file changed");
                ok = false;
            }
        }
        for (String name : files.keySet()) {
            if (!listed.containsKey(name) && !name.equals(EvidencePackages.MANIFEST) && !name.equals(EvidencePackages.MANIFEST_TOKEN)) {
                out.println("  [失败 FAIL] 清单之外多出的文件：" + name + " | file not in the manifest");
                ok = false;
            }
        }
        if (ok) {
            out.println("  [通过 OK]   " + listed.size() + " 个文件与清单哈希一致 | every file matches the manifest");
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().startsWith("proofs/") && file.getKey().endsWith(".json")) {
                ok &= verifyProof(file.getValue(), file.getKey(), trusted);
            }
        }
        return ok;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (files.size() >= MAX_FILES) {
                    throw new IllegalArgumentException("more than " + MAX_FILES + " files in the package");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new IllegalArgumentException("unsafe file name in the package: " + name);
                }
                byte[] content = readCapped(in, MAX_FILE_BYTES);
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new IllegalArgumentException("package expands beyond " + MAX_TOTAL_BYTES + " bytes");
                }
                if (files.put(name, content) != null) {
                    throw new IllegalArgumentException("file twice in the package: " + name);
                }
            }
        }
        return files;
    }

    private static byte[] readCapped(InputStream in, long max) throws IOException {
        byte[] content = in.readNBytes((int) max + 1);
        if (content.length > max) {
            throw new IllegalArgumentException("a file in the package expands beyond " + max + " bytes");
        }
        return content;
    }

    private static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
