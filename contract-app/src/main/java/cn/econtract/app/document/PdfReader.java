package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.io.IOException;
import java.util.Arrays;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Component;

/** Reads the text of an uploaded PDF (PDFBox, in memory); encrypted, damaged or oversized files are refused. */
@Component
public class PdfReader {

    /** Running headers and footers such as "合同编号：…", "第 1 页 共 3 页" or "- 2 -" are not contract text. */
    private static final java.util.regex.Pattern PAGE_FOOTER =
            java.util.regex.Pattern.compile("合同编号[:：].*|第\\s*\\d+\\s*页(\\s*共\\s*\\d+\\s*页)?|-\\s*\\d+\\s*-|\\d+\\s*/\\s*\\d+");

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
            guardDecodedSize(document);
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

    /**
     * Text extraction decodes every content stream whole, so a few hundred KiB of deflated data can
     * unpack to gigabytes. Before extracting, the Flate streams are inflated into nothing and counted,
     * all together capped like an unpacked .docx.
     */
    private void guardDecodedSize(PDDocument document) throws IOException {
        long total = 0;
        byte[] sink = new byte[64 * 1024];
        for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            if (!(object.getObject() instanceof COSStream stream) || !isFlate(stream)) {
                continue;
            }
            try (InputStream raw = stream.createRawInputStream(); InputStream inflated = new InflaterInputStream(raw)) {
                int n;
                while ((n = inflated.read(sink)) > 0) {
                    total += n;
                    if (total > limits.maxUnpackedBytes()) {
                        throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.zipBomb");
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
            }
        }
    }

    private static boolean isFlate(COSStream stream) {
        COSBase filter = stream.getFilters();
        return COSName.FLATE_DECODE.equals(filter)
                || (filter instanceof COSArray array && array.size() == 1 && COSName.FLATE_DECODE.equals(array.getObject(0)));
    }
}
