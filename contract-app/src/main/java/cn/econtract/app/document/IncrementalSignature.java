package cn.econtract.app.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Adds one signature (or document time-stamp) to a PDF as a new incremental revision, so whatever
 * was signed before stays byte for byte: the PDFBox sequence every signer of the platform shares.
 */
public final class IncrementalSignature {

    private IncrementalSignature() {
    }

    /**
     * @param space   bytes reserved for the CMS or time-stamp token
     * @param prepare changes to the document that belong to this revision (e.g. DocMDP), may be a no-op
     * @param content makes the signature over the byte ranges
     */
    public static byte[] add(byte[] pdf, PDSignature signature, int space, Consumer<PDDocument> prepare, SignatureInterface content) {
        return add(pdf, signature, space, prepare, (document, field) -> { }, content);
    }

    /** @param appearance gives the new signature field its widgets (visible signature, seal, 骑缝章) once it exists */
    public static byte[] add(byte[] pdf, PDSignature signature, int space, Consumer<PDDocument> prepare,
                             BiConsumer<PDDocument, PDSignatureField> appearance, SignatureInterface content) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            prepare.accept(document);
            options.setPreferredSignatureSize(space);
            document.addSignature(signature, content, options);
            for (PDSignatureField field : document.getSignatureFields()) {
                PDSignature value = field.getSignature();
                if (value != null && value.getCOSObject() == signature.getCOSObject()) {
                    appearance.accept(document, field);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * space + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign PDF", e);
        }
    }

    /** A PDF signing time (/M) in UTC. */
    public static Calendar time(Instant at) {
        Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        time.setTimeInMillis(at.toEpochMilli());
        return time;
    }
}
