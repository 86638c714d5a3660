package cn.econtract.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.ProofErr;
import org.docx4j.wml.R;
import org.docx4j.wml.Text;

/** Test documents: real .docx files made with docx4j, and hostile zips made by hand. */
public final class Docs {

    private static final ObjectFactory WML = Context.getWmlObjectFactory();

    private Docs() {
    }

    /**
     * A Word template; each paragraph is given as its runs, so a placeholder can be split the way
     * Word splits it (with spell-check marks between the runs). A paragraph whose first run starts
     * with "#" gets the Heading1 style.
     */
    public static byte[] docx(String[]... paragraphs) {
        try {
            WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
            for (String[] runs : paragraphs) {
                P p = WML.createP();
                boolean heading = runs.length > 0 && runs[0].startsWith("#");
                if (heading) {
                    PPr ppr = WML.createPPr();
                    PPrBase.PStyle style = WML.createPPrBasePStyle();
                    style.setVal("Heading1");
                    ppr.setPStyle(style);
                    p.setPPr(ppr);
                }
                for (int i = 0; i < runs.length; i++) {
                    if (i > 0) {
                        ProofErr err = WML.createProofErr();
                        err.setType("spellStart");
                        p.getContent().add(err);
                    }
                    R r = WML.createR();
                    Text t = WML.createText();
                    t.setValue(i == 0 && heading ? runs[i].substring(1) : runs[i]);
                    t.setSpace("preserve");
                    r.getContent().add(t);
                    p.getContent().add(r);
                }
                pkg.getMainDocumentPart().addObject(p);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A zip with the given entries (name → content). */
    public static byte[] zip(Map<String, byte[]> entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal docx-shaped zip whose document part is replaced by {@code documentXml}. */
    public static byte[] docxWithDocument(String documentXml) {
        return zip(new java.util.LinkedHashMap<>(Map.of(
                "[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                "word/document.xml", utf8(documentXml))));
    }

    /** A docx-shaped zip with a highly compressible part of {@code megabytes} MiB. */
    public static byte[] zipBomb(int megabytes) {
        return zip(new java.util.LinkedHashMap<>(Map.of(
                "[Content_Types].xml", utf8("<?xml version=\"1.0\"?><Types/>"),
                "word/document.xml", new byte[megabytes * 1024 * 1024])));
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
