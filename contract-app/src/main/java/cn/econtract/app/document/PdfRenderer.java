package cn.econtract.app.document;

import cn.econtract.app.kernel.Sha256;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
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
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeMap;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.springframework.stereotype.Component;

/**
 * Contract → PDF. Reproducible: the file identifier is derived from the content and the dates
 * from the contract version, so the same version always gives the same bytes and its hash can be
 * quoted in evidence.
 */
@Component
public class PdfRenderer {

    /** The output intent of archival copies: the JDK's built-in sRGB profile. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final FontLibrary fonts;

    public PdfRenderer(FontLibrary fonts) {
        this.fonts = fonts;
    }

    public byte[] render(DocumentSource source) {
        List<Block> blocks = ContractLayout.layout(source);
        String html = HtmlRenderer.page(source.contractNo(), blocks);
        return render(html, source.title(), source.contractNo(), source.versionTime(), html, null);
    }

    /**
     * A report page (audit report, evidence guide) in the contract documents' fonts: {@code body}
     * is XHTML already escaped (see {@link HtmlRenderer#escape}); tables use class {@code grid}.
     */
    public byte[] report(String header, String title, String body, Instant time) {
        String html = HtmlRenderer.report(header, body);
        return render(html, title, header, time, html, null);
    }

    /**
     * An archival copy in PDF/A-3b: a report-style document ({@code body} as for
     * {@link #report}, typically a cover page and the contract text) with {@code attachments}
     * embedded as associated files of the document (catalog /AF and /EmbeddedFiles). Reproducible:
     * the same input gives the same bytes.
     *
     * @param time the archiving time: document dates and the attachments' /ModDate
     */
    public byte[] archival(String header, String title, String body, Instant time, List<PdfAttachment> attachments) {
        Objects.requireNonNull(time, "an archival copy needs its archiving time");
        String html = HtmlRenderer.report(header, body);
        // the attachments are part of the content, so they take part in the file identifier
        StringBuilder identity = new StringBuilder(html);
        for (PdfAttachment a : attachments) {
            identity.append('\n').append(String.join("\t", a.fileName(), a.mimeType(), a.relationship(), String.valueOf(a.description()),
                    Sha256.hex(a.bytes())));
        }
        return render(html, title, header, time, identity.toString(), List.copyOf(attachments));
    }

    /** {@code archive} null: a plain PDF; otherwise PDF/A-3b with these associated files. */
    private byte[] render(String html, String title, String subject, Instant time, String identity, List<PdfAttachment> archive) {
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.withHtmlContent(html, null);
            builder.withProducer("econtract");
            if (archive != null) {
                builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
                builder.useColorProfile(SRGB.clone());
            }
            try (Closeable openFonts = fonts.attach(builder, document);
                 PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                stamp(document, title, subject, time, identity);
                if (archive != null) {
                    writeXmp(document);
                    embed(document, archive, time);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }

    private static void stamp(PDDocument document, String title, String subject, Instant at, String identity) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("econtract");
        info.setProducer("econtract");
        if (at != null) {
            Calendar time = utc(at);
            info.setCreationDate(time);
            info.setModificationDate(time);
        }
        byte[] id = HexFormat.of().parseHex(Sha256.hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * Replaces the XMP openhtmltopdf wrote (it carries the wall-clock time and the Info values from
     * before {@link #stamp}) with one built from the final Info dictionary: PDF/A requires the two
     * to agree, and reproducibility forbids the clock.
     */
    private static void writeXmp(PDDocument document) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setFormat("application/pdf");
        if (info.getTitle() != null) {
            dc.setTitle(info.getTitle());
        }
        if (info.getSubject() != null) {
            dc.setDescription(info.getSubject());
        }
        if (info.getAuthor() != null) {
            dc.addCreator(info.getAuthor());
        }
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(info.getCreator());
        // read back from the Info dictionary: PDF dates have whole seconds, so XMP must too
        basic.setCreateDate(info.getCreationDate());
        basic.setModifyDate(info.getModificationDate());
        basic.setMetadataDate(info.getModificationDate());
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.getProducer());
        if (info.getKeywords() != null) {
            pdf.setKeywords(info.getKeywords());
        }
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            pdfa.setConformance("B");
            new XmpSerializer().serialize(xmp, out, true);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IOException("XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(out.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
    }

    /** Embeds the files and associates them with the document, as PDF/A-3 requires of embedded files. */
    private static void embed(PDDocument document, List<PdfAttachment> attachments, Instant time) throws IOException {
        Map<String, PDComplexFileSpecification> names = new TreeMap<>();
        COSArray associated = new COSArray();
        for (PdfAttachment a : attachments) {
            PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(a.bytes()), COSName.FLATE_DECODE);
            file.setSubtype(a.mimeType());
            file.setSize(a.bytes().length);
            file.setModDate(utc(time));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(a.fileName());
            spec.setFileUnicode(a.fileName());
            spec.setFileDescription(a.description());
            spec.setEmbeddedFile(file);
            spec.getCOSObject().setName(COSName.AF_RELATIONSHIP, a.relationship());
            if (names.put(a.fileName(), spec) != null) {
                throw new IllegalArgumentException("two attachments named " + a.fileName());
            }
            associated.add(spec);
        }
        if (names.isEmpty()) {
            return;
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(names);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary catalogNames = catalog.getNames() == null ? new PDDocumentNameDictionary(catalog) : catalog.getNames();
        catalogNames.setEmbeddedFiles(tree);
        catalog.setNames(catalogNames);
        catalog.getCOSObject().setItem(COSName.AF, associated);
    }

    private static Calendar utc(Instant at) {
        Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        time.setTimeInMillis(at.toEpochMilli());
        return time;
    }
}
