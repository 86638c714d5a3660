package cn.econtract.app.archive;

import cn.econtract.app.contract.ContractAttachments;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.document.HtmlRenderer;
import cn.econtract.app.document.PdfAttachment;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.evidence.EvidenceProof;
import cn.econtract.app.kernel.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The archival copy and the archive package, built in memory (contract text never touches the
 * disk). The copy is PDF/A-3b — the long-term format archives accept — showing a cover with the
 * archive metadata and the evidence trail, then the contract text; it embeds the signed original
 * (relationship Source) and the evidence trail with its proofs (Data), so the copy alone carries
 * everything needed to check it. The package adds a manifest with every file's SHA-256.
 */
@Component
class ArchivalCopies {

    static final String FORMAT = "econtract-archive-package/1";
    static final String COPY = "archival-copy.pdf";
    static final String ORIGINAL = "signed-original.pdf";
    static final String EVIDENCE = "evidence.json";
    static final String MANIFEST = "manifest.json";
    static final String ATTACHMENTS = "attachment-";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    private final PdfRenderer pdf;
    private final ObjectMapper json;

    ArchivalCopies(PdfRenderer pdf, ObjectMapper json) {
        this.pdf = pdf;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** What a filing puts into the archive. */
    record Filed(byte[] copy, byte[] packageZip) {
    }

    Filed build(ArchiveRecord record, BigDecimal amount, String currency, ContractDocuments.Original original,
                List<ContractAttachments.File> attachments, List<EvidenceProof> evidence) {
        byte[] evidenceJson = bytes(Map.of("contractId", record.contractId(), "contractNo", record.contractNo(), "proofs", evidence));
        String originalName = original.signedRevision() == null ? "contract.pdf" : ORIGINAL;
        // attachments numbered, so two files of the same name stay two
        Map<String, ContractAttachments.File> supplements = new LinkedHashMap<>();
        for (int i = 0; i < attachments.size(); i++) {
            supplements.put(ATTACHMENTS + (i + 1) + "-" + attachments.get(i).fileName(), attachments.get(i));
        }
        Map<String, byte[]> embedded = new LinkedHashMap<>();
        embedded.put(originalName, original.pdf());
        embedded.put(EVIDENCE, evidenceJson);
        supplements.forEach((name, file) -> embedded.put(name, file.content()));
        String body = cover(record, amount, currency, original, embedded, evidence)
                + "<div style=\"page-break-before: always\"></div>" + original.bodyXhtml();
        List<PdfAttachment> associated = new java.util.ArrayList<>(List.of(
                new PdfAttachment(originalName, "application/pdf", original.signedRevision() == null
                        ? "合同文本（未签署）Contract text, not signed" : "签署原件 Signed original, revision " + original.signedRevision(),
                        "Source", original.pdf()),
                new PdfAttachment(EVIDENCE, "application/json", "存证记录与证明 Evidence trail and proofs", "Data", evidenceJson)));
        supplements.forEach((name, file) -> associated.add(new PdfAttachment(name, file.mediaType(), "合同附件 Contract attachment",
                "Supplement", file.content())));
        byte[] copy = pdf.archival("档号：" + record.archiveNo(), record.title(), body, record.archivedAt(), associated);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(COPY, copy);
        files.putAll(embedded);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("archiveNo", record.archiveNo());
        manifest.put("contractId", record.contractId());
        manifest.put("contractNo", record.contractNo());
        manifest.put("title", record.title());
        manifest.put("contractType", record.contractType());
        manifest.put("department", record.departmentId());
        manifest.put("counterparty", record.counterparty());
        manifest.put("category", record.category());
        manifest.put("categoryName", record.categoryName());
        manifest.put("year", record.year());
        manifest.put("retention", record.retention());
        manifest.put("retentionEnds", record.retentionEnds() == null ? null : record.retentionEnds().toString());
        manifest.put("signedRevision", record.signedRevision());
        manifest.put("archivedAt", record.archivedAt().toString());
        manifest.put("archivedBy", record.archivedBy());
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((name, content) -> hashes.put(name, Sha256.hex(content)));
        manifest.put("files", hashes);
        files.put(MANIFEST, bytes(manifest));
        return new Filed(copy, zip(files));
    }

    private String cover(ArchiveRecord r, BigDecimal amount, String currency, ContractDocuments.Original original,
                         Map<String, byte[]> embedded, List<EvidenceProof> evidence) {
        StringBuilder html = new StringBuilder();
        html.append("<h1 class=\"title\">合同归档副本</h1><p class=\"plain\" style=\"text-align:center\">Archival copy</p>");
        html.append("<table class=\"grid\">");
        row(html, "档号 Archive No.", r.archiveNo());
        row(html, "合同编号 Contract No.", r.contractNo());
        row(html, "合同名称 Title", r.title());
        row(html, "合同类型 Type", r.contractType());
        row(html, "相对方 Counterparty", r.counterparty());
        row(html, "金额 Amount", amount == null ? "—" : currency + " " + amount.toPlainString());
        row(html, "承办部门 Department", r.departmentId());
        row(html, "档案类别 Category", r.category() + " " + r.categoryName());
        row(html, "年度 Year", String.valueOf(r.year()));
        row(html, "保管期限 Retention", r.retention() + (r.retentionEnds() == null ? "（永久 permanent）" : "（至 until " + r.retentionEnds() + "）"));
        row(html, "归档时间 Filed", TIME.format(r.archivedAt()) + " · " + r.archivedBy());
        row(html, "签署版本 Signed revision", original.signedRevision() == null ? "未签署 not signed" : String.valueOf(original.signedRevision()));
        html.append("</table>");
        html.append("<h2>附件 Embedded files</h2><table class=\"grid\"><tr><th>文件 File</th><th>SHA-256</th></tr>");
        embedded.forEach((name, content) -> html.append("<tr><td>").append(HtmlRenderer.escape(name)).append("</td><td class=\"mono\">")
                .append(Sha256.hex(content)).append("</td></tr>"));
        html.append("</table>");
        html.append("<h2>存证记录 Evidence trail</h2><table class=\"grid\"><tr><th>#</th><th>事件 Event</th><th>时间 Time</th>"
                + "<th>操作人 Actor</th><th>说明 Detail</th></tr>");
        for (EvidenceProof proof : evidence) {
            var e = proof.entry();
            html.append("<tr><td>").append(e.seq()).append("</td><td>").append(e.type()).append("</td><td class=\"nowrap\">")
                    .append(TIME.format(e.occurredAt())).append("</td><td>").append(HtmlRenderer.escape(nullToDash(e.actor())))
                    .append("</td><td>").append(HtmlRenderer.escape(nullToDash(e.detail()))).append("</td></tr>");
        }
        html.append("</table>");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th style=\"width:30%\">").append(label).append("</th><td>").append(HtmlRenderer.escape(nullToDash(value)))
                .append("</td></tr>");
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
