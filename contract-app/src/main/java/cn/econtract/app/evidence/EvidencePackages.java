package cn.econtract.app.evidence;

import cn.econtract.app.approval.AuditReport;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.crypto.Pem;
import cn.econtract.app.document.PlatformSignature;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.timestamp.TimeStampAuthority;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * The evidence package (证据包) for litigation: one ZIP a court expert can check without our
 * server. The manifest lists every file's SHA-256 and is itself time-stamped ({@code manifest.tsr}),
 * so the package as handed over is fixed in time. Built in memory: contract text never touches disk.
 */
@Service
public class EvidencePackages {

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_TOKEN = "manifest.tsr";
    static final String SIGNING_PURPOSE = "evidence-package";

    private final ContractService contracts;
    private final ContractDocuments documents;
    private final AuditReport auditReport;
    private final PlatformSignature signature;
    private final EvidenceProofs proofs;
    private final TimeStampAuthority authority;
    private final OperationLogService log;
    private final Clock clock;
    private final ObjectMapper json;

    EvidencePackages(ContractService contracts, ContractDocuments documents, AuditReport auditReport,
                     PlatformSignature signature, EvidenceProofs proofs, TimeStampAuthority authority,
                     OperationLogService log, Clock clock, ObjectMapper json) {
        this.contracts = contracts;
        this.documents = documents;
        this.auditReport = auditReport;
        this.signature = signature;
        this.proofs = proofs;
        this.authority = authority;
        this.log = log;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The package for one contract; needs {@code contract:export} in its department. */
    public Package build(String contractId) {
        ContractService.Drafted drafted = contracts.drafted(contractId, Permission.CONTRACT_EXPORT, OperationAction.EXPORT);
        String contractNo = drafted.contract().contractNo();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ContractDocuments.Rendered pdf = documents.quoted(contractId);
        AuditReport.Report report = auditReport.of(contractId);
        List<EvidenceProof> all = proofs.proofsOf(contractId);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("contract.pdf", signature.sign(pdf.bytes(), SIGNING_PURPOSE, "econtract",
                "证据包中的合同文本 Contract text in the evidence package (" + contractNo + " v" + pdf.version() + ")", now));
        files.put("platform-certificate.pem", Pem.certificates(List.of(signature.certificate(SIGNING_PURPOSE)))
                .getBytes(StandardCharsets.US_ASCII));
        files.put("audit-report.pdf", report.pdf());
        files.put("events.json", bytes(all.stream().map(EvidenceProof::entry).toList()));
        // entries not yet sealed (this export's own downloads among them) have no proof yet: they are
        // listed in events.json and the manifest, and proven in a package exported after the next batch
        List<Long> pending = new java.util.ArrayList<>();
        for (EvidenceProof proof : all) {
            if (proof.status() == EvidenceProof.Status.PENDING) {
                pending.add(proof.entry().seq());
            } else {
                files.put("proofs/entry-" + proof.entry().seq() + ".json", bytes(proof));
            }
        }
        for (EvidenceBatch batch : proofs.batchesOf(contractId)) {
            if (batch.timestampToken() != null) {
                files.put("timestamps/batch-" + batch.batchNo() + ".tsr", Base64.getDecoder().decode(batch.timestampToken()));
            }
            if (batch.anchorReceipt() != null) {
                files.put("anchors/batch-" + batch.batchNo() + ".json", batch.anchorReceipt().getBytes(StandardCharsets.UTF_8));
            }
        }
        files.put("README.txt", guide(contractNo, now));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "econtract-evidence-package/1");
        manifest.put("contractId", contractId);
        manifest.put("contractNo", contractNo);
        manifest.put("documentVersion", pdf.version());
        manifest.put("documentSha256", pdf.sha256());
        manifest.put("generatedAt", now.toString());
        manifest.put("events", all.size());
        manifest.put("eventsAwaitingProof", pending);
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, content) -> hashes.put(name, Sha256.hex(content)));
        manifest.put("files", hashes);
        byte[] manifestBytes = bytes(manifest);
        byte[] manifestToken = authority.stamp(Sha256.digest(manifestBytes));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(out, file.getKey(), file.getValue());
            }
            put(out, MANIFEST, manifestBytes);
            put(out, MANIFEST_TOKEN, manifestToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = zip.toByteArray();
        String sha256 = Sha256.hex(bytes);
        log.record(OperationRecord.success(null, OperationAction.EXPORT, "contract", contractId)
                .withDetail("evidence package " + all.size() + " events sha256:" + sha256));
        contracts.event(ContractEvent.Type.DOWNLOADED, contractId, null, "evidence package sha256:" + sha256);
        return new Package(contractNo, bytes, sha256);
    }

    public record Package(String contractNo, byte[] zip, String sha256) {
    }

    private byte[] guide(String contractNo, Instant now) {
        try (InputStream in = EvidencePackages.class.getResourceAsStream("/evidence/package-guide-zh.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{contractNo}", contractNo).replace("{generatedAt}", now.toString());
            return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("evidence package guide missing from the jar", e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
