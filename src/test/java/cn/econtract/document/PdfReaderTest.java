package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.document.PdfReader;
import cn.econtract.app.document.ReadDocument;
import cn.econtract.app.document.UploadProperties;
import cn.econtract.app.kernel.BusinessException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class PdfReaderTest {

    private final PdfReader reader = new PdfReader(new UploadProperties(null, 8L * 1024 * 1024, null, 3));

    @Test
    void aCompressionBombIsRefusedNotUnpacked() throws Exception {
        byte[] bomb;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            try (OutputStream os = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1024 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 64; i++) {
                    os.write(spaces);  // 64 MiB of whitespace, a few hundred KiB compressed
                }
            }
            page.setContents(content);
            doc.save(out);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).isLessThan(1024 * 1024);
        // refused while counting the inflated size, not after unpacking everything and finding no text
        assertThatThrownBy(() -> reader.read(bomb)).isInstanceOf(BusinessException.class)
                .satisfies(e -> {
                    assertThat(((BusinessException) e).code().status()).isEqualTo(422);
                    assertThat(((BusinessException) e).messageKey()).isEqualTo("error.upload.zipBomb");
                });
    }

    @Test
    void encryptedAndTooLongPdfsAreRefused() throws Exception {
        byte[] encrypted;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            doc.protect(policy);
            doc.save(out);
            encrypted = out.toByteArray();
        }
        assertThatThrownBy(() -> reader.read(encrypted)).isInstanceOf(BusinessException.class);
        byte[] fourPages;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 4; i++) {
                doc.addPage(new PDPage());
            }
            doc.save(out);
            fourPages = out.toByteArray();
        }
        assertThatThrownBy(() -> reader.read(fourPages)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).messageKey()).isEqualTo("error.upload.tooManyPages");
    }

    @Test
    void readsTheTextOfAnOrdinaryPdfIntoClauses() {
        byte[] pdf = new cn.econtract.app.document.PdfRenderer(new cn.econtract.app.document.FontLibrary(
                new cn.econtract.app.document.RenderingProperties(null, null))).render(new cn.econtract.app.document.DocumentSource(
                "设备维修合同", "HT-2026-000001", "CNY", null, java.util.List.of(
                        new cn.econtract.app.document.DocumentSource.SourceClause("维修范围", "乙方负责甲方生产线设备的日常维修。"),
                        new cn.econtract.app.document.DocumentSource.SourceClause("费用", "维修费每月结算。")),
                java.util.List.of(), java.util.Map.of(), java.time.Instant.parse("2026-11-28T00:00:00Z")));
        ReadDocument read = reader.read(pdf);
        assertThat(read.title()).isEqualTo("设备维修合同");
        assertThat(read.sections()).extracting(ReadDocument.Section::heading).containsExactly("维修范围", "费用");
    }
}
