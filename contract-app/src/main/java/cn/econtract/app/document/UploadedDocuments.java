package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import org.springframework.stereotype.Service;

/** An uploaded Word or PDF file, checked first and then read with the parser for its kind. */
@Service
public class UploadedDocuments {

    private final UploadInspector inspector;
    private final DocxReader docx;
    private final PdfReader pdf;

    public UploadedDocuments(UploadInspector inspector, DocxReader docx, PdfReader pdf) {
        this.inspector = inspector;
        this.docx = docx;
        this.pdf = pdf;
    }

    public ReadDocument read(String filename, byte[] content) {
        return switch (inspector.inspect(filename, content)) {
            case DOCX -> docx.read(content);
            case PDF -> pdf.read(content);
        };
    }

    /** Templates come from Word only: their placeholders and headings need the .docx structure. */
    public ReadDocument readWord(String filename, byte[] content) {
        if (inspector.inspect(filename, content) != UploadInspector.Kind.DOCX) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        }
        return docx.read(content);
    }
}
