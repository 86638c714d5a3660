package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

/** Reads the text of an uploaded PDF (PDFBox, in memory); encrypted, damaged or oversized files are refused. */
@Component
public class PdfReader {

    /** Running footers such as "第 1 页 共 3 页" or "- 2 -" are not contract text. */
    private static final java.util.regex.Pattern PAGE_FOOTER =
            java.util.regex.Pattern.compile("第\\s*\\d+\\s*页(\\s*共\\s*\\d+\\s*页)?|-\\s*\\d+\\s*-|\\d+\\s*/\\s*\\d+");

    private final UploadProperties limits;

    public PdfReader(UploadProperties limits) {
        this.limits = limits;
    }

    public ReadDocument read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.encrypted");
            }
            if (document.getNumberOfPages() > limits.maxPdfPages()) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.tooManyPages", limits.maxPdfPages());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            if (text.isBlank()) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.noText");
            }
            return DocumentSections.split(Arrays.stream(text.split("\\R"))
                    .filter(line -> !PAGE_FOOTER.matcher(line.strip()).matches())
                    .map(line -> new DocumentSections.Line(line, false, false)).toList());
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
        }
    }
}
