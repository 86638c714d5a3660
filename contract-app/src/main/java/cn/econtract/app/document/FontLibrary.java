package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The CJK fonts embedded (as subsets) in every PDF: a Song-style serif for the text and a Hei-style
 * sans for headings, each the first configured font found on this machine.
 */
@Component
public class FontLibrary {

    private static final Logger log = LoggerFactory.getLogger(FontLibrary.class);

    private final Optional<FontFile> serif;
    private final Optional<FontFile> sans;

    public FontLibrary(RenderingProperties properties) {
        this.serif = first(properties.serifFonts());
        this.sans = first(properties.sansFonts());
        if (serif.isEmpty() && sans.isEmpty()) {
            log.warn("No CJK font found (econtract.rendering.*-fonts): contract PDFs cannot be rendered. "
                    + "On Debian: apt-get install fonts-arphic-uming fonts-wqy-zenhei");
        } else {
            log.info("PDF fonts: serif {}, sans {}", serif.map(FontFile::toString).orElse("-"), sans.map(FontFile::toString).orElse("-"));
        }
    }

    /** Registers the fonts with a renderer writing into {@code document}; close the result after saving. */
    Closeable attach(PdfRendererBuilder builder, PDDocument document) throws IOException {
        if (serif.isEmpty() && sans.isEmpty()) {
            throw new BusinessException(ErrorCode.SERVICE_UNAVAILABLE, "error.rendering.noFont");
        }
        List<Closeable> open = new ArrayList<>();
        FontFile serifFile = serif.orElseGet(sans::get);
        FontFile sansFile = sans.orElseGet(serif::get);
        builder.useFont(new PDFontSupplier(PDType0Font.load(document, serifFile.open(open), true)), HtmlRenderer.SERIF,
                400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(new PDFontSupplier(PDType0Font.load(document, sansFile.open(open), true)), HtmlRenderer.SANS,
                400, BaseRendererBuilder.FontStyle.NORMAL, true);
        return () -> {
            for (Closeable c : open) {
                c.close();
            }
        };
    }

    /** The heading (Hei-style) font for Java 2D drawing, e.g. the text of a company seal. */
    public java.awt.Font awtSans(float size) {
        FontFile file = sans.or(() -> serif).orElseThrow(() -> new BusinessException(ErrorCode.SERVICE_UNAVAILABLE, "error.rendering.noFont"));
        try {
            java.awt.Font[] faces = java.awt.Font.createFonts(file.file());
            java.awt.Font face = java.util.Arrays.stream(faces).filter(f -> file.name() == null || file.name().equals(f.getPSName()))
                    .findFirst().orElse(faces[0]);
            return face.deriveFont(size);
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load " + file, e);
        }
    }

    /** Characters of {@code text} that no configured font can show (they would print as blanks). */
    public String missingCharacters(String text) throws IOException {
        List<Closeable> open = new ArrayList<>();
        try {
            List<TrueTypeFont> fonts = new ArrayList<>();
            for (FontFile f : List.of(serif, sans).stream().flatMap(Optional::stream).toList()) {
                fonts.add(f.open(open));
            }
            StringBuilder missing = new StringBuilder();
            for (int cp : text.codePoints().distinct().toArray()) {
                if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                    continue;
                }
                boolean found = false;
                for (TrueTypeFont font : fonts) {
                    if (font.getUnicodeCmapLookup().getGlyphId(cp) > 0) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    missing.appendCodePoint(cp);
                }
            }
            return missing.toString();
        } finally {
            for (Closeable c : open) {
                c.close();
            }
        }
    }

    private static Optional<FontFile> first(List<String> candidates) {
        return candidates.stream().map(FontFile::parse).filter(f -> f.file().isFile()).findFirst();
    }

    /** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
    record FontFile(File file, String name) {

        static FontFile parse(String spec) {
            int hash = spec.lastIndexOf('#');
            return hash < 0 ? new FontFile(new File(spec), null) : new FontFile(new File(spec.substring(0, hash)), spec.substring(hash + 1));
        }

        TrueTypeFont open(List<Closeable> open) throws IOException {
            if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file);
                open.add(collection);
                TrueTypeFont font = collection.getFontByName(name);
                if (font == null) {
                    throw new IOException("font " + name + " not in " + file);
                }
                return font;
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            open.add(font);
            return font;
        }

        @Override
        public String toString() {
            return file + (name == null ? "" : "#" + name);
        }
    }
}
