package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.docx4j.TraversalUtil;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Br;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.springframework.stereotype.Component;

/**
 * Reads the text of a checked .docx with docx4j, paragraph by paragraph. A paragraph's text is the
 * concatenation of all its runs, so a {@code ${placeholder}} that Word split over several runs
 * (spell-check marks, formatting changes) reads whole.
 */
@Component
public class DocxReader {

    public ReadDocument read(byte[] docx) {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
            List<DocumentSections.Line> lines = new ArrayList<>();
            for (Object o : pkg.getMainDocumentPart().getContent()) {
                Object item = o instanceof JAXBElement<?> e ? e.getValue() : o;
                if (item instanceof P p) {
                    String style = p.getPPr() != null && p.getPPr().getPStyle() != null
                            ? p.getPPr().getPStyle().getVal().toLowerCase(Locale.ROOT) : "";
                    lines.add(new DocumentSections.Line(text(p), isHeading(style), style.equals("title")));
                } else if (item instanceof Tbl table) {
                    for (Object row : table.getContent()) {
                        if (unwrap(row) instanceof Tr tr) {
                            List<String> cells = new ArrayList<>();
                            for (Object cell : tr.getContent()) {
                                if (unwrap(cell) instanceof Tc tc) {
                                    cells.add(tc.getContent().stream().filter(P.class::isInstance).map(c -> text((P) c))
                                            .reduce((a, b) -> a + " " + b).orElse(""));
                                }
                            }
                            lines.add(new DocumentSections.Line(String.join(" | ", cells), false, false));
                        }
                    }
                }
            }
            return DocumentSections.split(lines);
        } catch (Docx4JException | RuntimeException e) {
            throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
        }
    }

    /** All text of a paragraph, across runs, hyperlinks and fields; line breaks become spaces. */
    static String text(P paragraph) {
        StringBuilder out = new StringBuilder();
        new TraversalUtil(paragraph, new TraversalUtil.CallbackImpl() {
            @Override
            public List<Object> apply(Object o) {
                Object v = unwrap(o);
                if (v instanceof Text t && t.getValue() != null) {
                    out.append(t.getValue());
                } else if (v instanceof Br || v instanceof R.Tab) {
                    out.append(' ');
                }
                return null;
            }

            @Override
            public boolean shouldTraverse(Object o) {
                return true;
            }
        });
        return out.toString();
    }

    /** Word's built-in heading styles are "Heading1"… in English documents and "1"… in Chinese ones. */
    private static boolean isHeading(String style) {
        return style.startsWith("heading") || style.matches("[1-3]");
    }

    private static Object unwrap(Object o) {
        return o instanceof JAXBElement<?> e ? e.getValue() : o;
    }
}
