package cn.econtract.app.document;

import cn.econtract.app.kernel.Sha256;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;

/**
 * Contract → PDF. Reproducible: the file identifier is derived from the content and the dates
 * from the contract version, so the same version always gives the same bytes and its hash can be
 * quoted in evidence.
 */
@Component
public class PdfRenderer {

    private final FontLibrary fonts;

    public PdfRenderer(FontLibrary fonts) {
        this.fonts = fonts;
    }

    public byte[] render(DocumentSource source) {
        List<Block> blocks = ContractLayout.layout(source);
        return render(HtmlRenderer.page(source.contractNo(), blocks), source.title(), source.contractNo(), source.versionTime());
    }

    /**
     * A report page (audit report, evidence guide) in the contract documents' fonts: {@code body}
     * is XHTML already escaped (see {@link HtmlRenderer#escape}); tables use class {@code grid}.
     */
    public byte[] report(String header, String title, String body, Instant time) {
        return render(HtmlRenderer.report(header, body), title, header, time);
    }

    private byte[] render(String html, String title, String subject, Instant time) {
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.withHtmlContent(html, null);
            builder.withProducer("econtract");
            try (Closeable openFonts = fonts.attach(builder, document);
                 PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                stamp(document, title, subject, time, html);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    private static void stamp(PDDocument document, String title, String subject, Instant at, String html) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("econtract");
        info.setProducer("econtract");
        if (at != null) {
            Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            time.setTimeInMillis(at.toEpochMilli());
            info.setCreationDate(time);
            info.setModificationDate(time);
        }
        byte[] id = HexFormat.of().parseHex(Sha256.hex(html.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }
}
