package cn.econtract.app.signing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * What a signature looks like on paper: the handwritten signature or the seal on the last page in
 * the signer's slot — the signature field's own widget — and for a seal also the 骑缝章: the seal
 * cut into one vertical strip per page along the right edge, so the stacked pages show the whole
 * seal. The strips are locked stamp annotations added in the seal's own revision (a signature
 * field with several widgets is not understood by Poppler); a document that will carry a seal is
 * therefore certified with DocMDP P=3, which permits annotations.
 */
public final class SignatureAppearance {

    /** A company seal is about 42 mm across. */
    public static final float SEAL_SIZE = 119f;
    static final float SIGNATURE_WIDTH = 140f;
    static final float SIGNATURE_HEIGHT = 60f;

    private final byte[] png;
    private final boolean seal;
    private final int slot;
    private final String fieldName;

    public SignatureAppearance(byte[] png, boolean seal, int slot, String fieldName) {
        this.png = png;
        this.seal = seal;
        this.slot = slot;
        this.fieldName = fieldName;
    }

    public void apply(PDDocument document, PDSignatureField field) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int pages = document.getNumberOfPages();
            PDPage last = document.getPage(pages - 1);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            for (PDPage page : document.getPages()) {
                List<PDAnnotation> annotations = page.getAnnotations();
                if (annotations.removeIf(a -> a.getCOSObject() == widget.getCOSObject())) {
                    page.setAnnotations(annotations);
                    touched(page);
                }
            }
            float width = seal ? SEAL_SIZE : SIGNATURE_WIDTH;
            float height = seal ? SEAL_SIZE : SIGNATURE_HEIGHT;
            PDRectangle rect = new PDRectangle(60 + (slot % 3) * 165, 70 + (slot / 3 % 4) * 130f, width, height);
            widget.setRectangle(rect);
            widget.setPage(last);
            widget.setAppearance(appearance(document, rect, image));
            widget.setPrinted(true);
            widget.setLocked(true);
            attach(last, widget);
            field.setPartialName(fieldName);
            field.getCOSObject().setNeedToBeUpdated(true);
            if (seal && pages > 1) {
                crossPageSeal(document, image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the signature appearance", e);
        }
    }

    private void crossPageSeal(PDDocument document, BufferedImage image) throws IOException {
        int pages = document.getNumberOfPages();
        float strip = SEAL_SIZE / pages;
        int pixels = image.getWidth() / pages;
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            PDRectangle box = page.getMediaBox();
            BufferedImage part = image.getSubimage(i * pixels, 0, i == pages - 1 ? image.getWidth() - i * pixels : pixels,
                    image.getHeight());
            PDRectangle rect = new PDRectangle(box.getUpperRightX() - strip, box.getLowerLeftY() + box.getHeight() / 2 - SEAL_SIZE / 2,
                    strip, SEAL_SIZE);
            PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
            stamp.setRectangle(rect);
            stamp.setPage(page);
            stamp.setAppearance(appearance(document, rect, part));
            stamp.setContents("骑缝章 " + fieldName + " " + (i + 1) + "/" + pages);
            stamp.setPrinted(true);
            stamp.setReadOnly(true);
            stamp.setLocked(true);
            stamp.setLockedContents(true);
            attach(page, stamp);
        }
    }

    private static PDAppearanceDictionary appearance(PDDocument document, PDRectangle rect, BufferedImage image) throws IOException {
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        stream.setResources(new PDResources());
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            content.drawImage(xobject, 0, 0, rect.getWidth(), rect.getHeight());
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(stream);
        return appearance;
    }

    private static void attach(PDPage page, PDAnnotation annotation) throws IOException {
        List<PDAnnotation> annotations = page.getAnnotations();
        annotations.add(annotation);
        page.setAnnotations(annotations);
        touched(page);
    }

    private static void touched(PDPage page) {
        page.getCOSObject().setNeedToBeUpdated(true);
        COSArray annotations = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annotations != null) {
            annotations.setNeedToBeUpdated(true);
        }
    }
}
