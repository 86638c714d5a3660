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
        return inspected(filename, content).document();
    }

    /** Checked and read, with the kind it was found to be. */
    public Inspected inspected(String filename, byte[] content) {
        UploadInspector.Kind kind = inspector.inspect(filename, content);
        return new Inspected(kind, switch (kind) {
            case DOCX -> docx.read(content);
            case PDF -> pdf.read(content);
        });
    }

    public record Inspected(UploadInspector.Kind kind, ReadDocument document) {

        public String mediaType() {
            return kind == UploadInspector.Kind.PDF ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        /** Title, preamble and every section as plain text (what search reads). */
        public String text() {
            StringBuilder out = new StringBuilder();
            java.util.stream.Stream.concat(java.util.stream.Stream.of(document.title(), document.preamble()),
                            document.sections().stream().flatMap(s -> java.util.stream.Stream.of(s.heading(), s.text())))
                    .filter(t -> t != null && !t.isBlank()).forEach(t -> out.append(t.strip()).append('\n'));
            return out.toString();
        }
    }

    /** Templates come from Word only: their placeholders and headings need the .docx structure. */
    public ReadDocument readWord(String filename, byte[] content) {
        if (inspector.inspect(filename, content) != UploadInspector.Kind.DOCX) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        }
        return docx.read(content);
    }
}
