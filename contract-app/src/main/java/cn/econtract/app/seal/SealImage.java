package cn.econtract.app.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Draws a company seal the way Chinese company seals look (GA 241 style): a red ring, the company
 * name along the upper arc, a five-pointed star in the middle, the seal's purpose (合同专用章) under
 * it and the seal number along the lower arc, on a transparent background.
 */
public final class SealImage {

    static final int SIZE = 480;
    private static final Color RED = new Color(0xE0, 0x10, 0x10);

    private SealImage() {
    }

    /** A PNG of the seal; {@code font} gives the CJK font at a size. */
    public static byte[] draw(String organisation, String purpose, String sealNo, Function<Float, Font> font) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            double c = SIZE / 2.0;
            g.setStroke(new BasicStroke(14f));
            g.draw(new java.awt.geom.Ellipse2D.Double(10, 10, SIZE - 20, SIZE - 20));
            g.fill(star(c, c, 72));
            arc(g, organisation, font.apply(organisation.length() > 14 ? 40f : 50f), c, 172, 250, true);
            if (sealNo != null && !sealNo.isBlank()) {
                arc(g, sealNo, font.apply(22f), c, 200, 70, false);
            }
            Font purposeFont = font.apply(40f);
            g.setFont(purposeFont);
            FontRenderContext frc = g.getFontRenderContext();
            double width = purposeFont.getStringBounds(purpose, frc).getWidth();
            g.drawString(purpose, (float) (c - width / 2), (float) (c + 125));
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** Characters spread over {@code span} degrees centred on the top (or bottom) of the circle, upright towards the centre. */
    private static void arc(Graphics2D g, String text, Font font, double c, double radius, double span, boolean top) {
        int n = text.codePointCount(0, text.length());
        if (n == 0) {
            return;
        }
        double step = n == 1 ? 0 : Math.toRadians(span) / (n - 1);
        double start = top ? -Math.toRadians(span) / 2 : Math.toRadians(span) / 2;
        int[] codePoints = text.codePoints().toArray();
        g.setFont(font);
        FontRenderContext frc = g.getFontRenderContext();
        for (int i = 0; i < n; i++) {
            String ch = new String(Character.toChars(codePoints[i]));
            double angle = top ? start + i * step : start - i * step;
            AffineTransform saved = g.getTransform();
            g.translate(c, c);
            g.rotate(top ? angle : angle);
            double w = font.getStringBounds(ch, frc).getWidth();
            if (top) {
                g.drawString(ch, (float) (-w / 2), (float) (-radius + font.getSize2D() * 0.85));
            } else {
                g.drawString(ch, (float) (-w / 2), (float) radius - 4);
            }
            g.setTransform(saved);
        }
    }

    private static Path2D star(double cx, double cy, double r) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r : r * 0.382;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
