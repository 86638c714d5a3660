package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.document.PdfAttachment;
import cn.econtract.app.document.FontLibrary;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.RenderingProperties;
import cn.econtract.support.VeraPdf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF/A-3b archival copy, checked by veraPDF rather than by our own reading of the standard. */
class ArchivalPdfTest {

    private static final Instant ARCHIVED = Instant.parse("2026-12-30T02:15:00Z");
    private static final byte[] EVIDENCE = """
            {"contractNo":"CG-2026-000123","archiveNo":"EC01-2026-D30-CG-0001",\
            "signedPdfSha256":"placeholder","anchors":[{"ledger":"FISCO BCOS","tx":"0x5f1c"}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private final PdfRenderer renderer = new PdfRenderer(new FontLibrary(new RenderingProperties(null, null)));

    @Test
    void archivalCopyIsPdfA3bWithItsAssociatedFiles() throws Exception {
        byte[] signed = signedOriginal();
        byte[] copy = archive(signed, EVIDENCE);

        ValidationResult result = validate(copy);
        assertThat(result.isCompliant()).as("veraPDF PDF/A-3B failures:%n%s", failures(result)).isTrue();

        try (PDDocument doc = Loader.loadPDF(copy)) {
            assertThat(doc.getVersion()).isEqualTo(1.7f);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("归档副本", "档号EC01-2026-D30-CG-0001", "数控车床采购合同", "上海精工机床有限公司",
                    "每逾期一日按合同总价的千分之零点五支付违约金");

            Map<String, PDComplexFileSpecification> files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("CG-2026-000123-签署版.pdf", "evidence.json");
            PDComplexFileSpecification pdf = files.get("CG-2026-000123-签署版.pdf");
            PDComplexFileSpecification json = files.get("evidence.json");
            assertThat(pdf.getEmbeddedFile().toByteArray()).isEqualTo(signed);
            assertThat(json.getEmbeddedFile().toByteArray()).isEqualTo(EVIDENCE);
            assertThat(pdf.getCOSObject().getNameAsString(COSName.AF_RELATIONSHIP)).isEqualTo("Source");
            assertThat(json.getCOSObject().getNameAsString(COSName.AF_RELATIONSHIP)).isEqualTo("Data");
            assertThat(pdf.getFileUnicode()).isEqualTo("CG-2026-000123-签署版.pdf");
            assertThat(pdf.getFileDescription()).isEqualTo("签署完成的合同原件");

            PDEmbeddedFile embedded = json.getEmbeddedFile();
            assertThat(embedded.getSubtype()).isEqualTo("application/json");
            assertThat(embedded.getSize()).isEqualTo(EVIDENCE.length);
            assertThat(embedded.getModDate().toInstant()).isEqualTo(ARCHIVED);

            // the catalog's /AF lists the same file specifications as the name tree
            COSArray af = doc.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(af).isNotNull();
            List<COSBase> associated = af.toList().stream().map(ArchivalPdfTest::resolve).toList();
            assertThat(associated).containsExactlyInAnyOrder(pdf.getCOSObject(), json.getCOSObject());

            // XMP: PDF/A-3B identification, and the same title and dates as the Info dictionary
            PDDocumentInformation info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("数控车床采购合同 归档副本");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(ARCHIVED);
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo(info.getSubject());
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant()).isEqualTo(ARCHIVED);
            assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant()).isEqualTo(ARCHIVED);
            assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo(info.getCreator());
            assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
        }
    }

    @Test
    void sameInputGivesTheSameBytesAndADifferentAttachmentDoesNot() throws Exception {
        byte[] signed = signedOriginal();
        byte[] first = archive(signed, EVIDENCE);
        assertThat(archive(signed, EVIDENCE)).isEqualTo(first);

        byte[] otherEvidence = (new String(EVIDENCE, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        byte[] other = archive(signed, otherEvidence);
        assertThat(other).isNotEqualTo(first);
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(other)) {
            assertThat(b.getDocument().getDocumentID()).isNotEqualTo(a.getDocument().getDocumentID());
        }
    }

    @Test
    void theValidatorRejectsWhatIsNotPdfA() throws Exception {
        // the ordinary report rendering: no XMP metadata (6.6.2.1), grey text in DeviceRGB without an output intent (6.2.4.3)
        byte[] plain = renderer.report("档号 EC01-2026-D30-CG-0001", "数控车床采购合同 归档副本", body(), ARCHIVED);
        ValidationResult result = validate(plain);
        assertThat(result.isCompliant()).isFalse();
        assertThat(clauses(result)).as(failures(result)).contains("6.6.2.1", "6.2.4.3");

        // an archival copy whose files are embedded but no longer associated with the document (catalog /AF)
        byte[] unassociated;
        try (PDDocument doc = Loader.loadPDF(archive(signedOriginal(), EVIDENCE))) {
            doc.getDocumentCatalog().getCOSObject().removeItem(COSName.AF);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            unassociated = out.toByteArray();
        }
        ValidationResult unassociatedResult = validate(unassociated);
        assertThat(unassociatedResult.isCompliant()).isFalse();
        assertThat(clauses(unassociatedResult)).as(failures(unassociatedResult)).containsExactly("6.8");
    }

    @Test
    void refusesRelationshipsPdfA3DoesNotKnowAndDuplicateNames() {
        assertThatThrownBy(() -> new PdfAttachment("a.json", "application/json", "x", "EncryptedPayload", EVIDENCE))
                .isInstanceOf(IllegalArgumentException.class);
        PdfAttachment json = new PdfAttachment("a.json", "application/json", "x", "Data", EVIDENCE);
        assertThatThrownBy(() -> renderer.archival("h", "t", "<p>x</p>", ARCHIVED, List.of(json, json)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] archive(byte[] signed, byte[] evidence) {
        return renderer.archival("档号 EC01-2026-D30-CG-0001", "数控车床采购合同 归档副本", body(), ARCHIVED, List.of(
                new PdfAttachment("CG-2026-000123-签署版.pdf", "application/pdf", "签署完成的合同原件", "Source", signed),
                new PdfAttachment("evidence.json", "application/json", "存证记录", "Data", evidence)));
    }

    /** A real PDF standing in for the signed original. */
    private byte[] signedOriginal() {
        return renderer.report("合同编号：CG-2026-000123", "数控车床采购合同", "<p>甲乙双方已签署本合同。</p>",
                Instant.parse("2026-11-28T08:00:00Z"));
    }

    private static String body() {
        StringBuilder html = new StringBuilder();
        html.append("<div style=\"page-break-after: always;\">")
                .append("<h1 class=\"title\">归档副本</h1>")
                .append("<p class=\"plain\">档号 EC01-2026-D30-CG-0001</p>")
                .append("<table class=\"grid\"><tbody>")
                .append("<tr><td class=\"nowrap\">合同名称</td><td>数控车床采购合同</td></tr>")
                .append("<tr><td class=\"nowrap\">合同编号</td><td>CG-2026-000123</td></tr>")
                .append("<tr><td class=\"nowrap\">相对方</td><td>上海精工机床有限公司</td></tr>")
                .append("<tr><td class=\"nowrap\">归档时间</td><td>2026-12-30 10:15</td></tr>")
                .append("<tr><td class=\"nowrap\">保管期限</td><td>30年</td></tr>")
                .append("</tbody></table></div>");
        html.append("<h1 class=\"title\">数控车床采购合同</h1>");
        html.append("<h2>第一条　价款与支付</h2><p>合同总价为人民币258,000.00元（大写：人民币贰拾伍万捌仟元整）。</p>");
        for (int i = 0; i < 30; i++) {
            html.append("<h2>第").append(i + 2).append("条　违约责任</h2>")
                    .append("<p>乙方逾期交货的，每逾期一日按合同总价的千分之零点五支付违约金。</p>");
        }
        return html.toString();
    }

    private static COSBase resolve(COSBase base) {
        return base instanceof COSObject o ? o.getObject() : base;
    }

    private static ValidationResult validate(byte[] pdf) throws Exception {
        return VeraPdf.validate(pdf);
    }

    private static List<String> clauses(ValidationResult result) {
        return VeraPdf.clauses(result);
    }

    private static String failures(ValidationResult result) {
        return VeraPdf.failures(result);
    }
}
