package cn.econtract.app.seal;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Checks an uploaded signature or seal image before anything decodes it: a PNG by its signature,
 * within the byte limit, with a header whose dimensions are sane (a decompression bomb declares
 * huge ones), and then actually decodable.
 */
public final class PngImages {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_SIDE = 2000;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

    private PngImages() {
    }

    public static BufferedImage checked(byte[] png) {
        if (png == null || png.length == 0) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.image.empty");
        }
        if (png.length > MAX_BYTES) {
            throw new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "error.image.tooLarge", MAX_BYTES / 1024);
        }
        if (png.length < 33 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)
                || !"IHDR".equals(new String(png, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.image.notPng");
        }
        int width = ByteBuffer.wrap(png, 16, 4).getInt();
        int height = ByteBuffer.wrap(png, 20, 4).getInt();
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.image.dimensions", MAX_SIDE);
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.image.unreadable");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.image.unreadable");
        }
    }

    /** A PNG sent as base64, with or without the canvas's data-URL prefix; empty when it is not base64 (then refused as empty). */
    public static byte[] fromBase64(String text) {
        try {
            return text == null ? new byte[0] : java.util.Base64.getDecoder().decode(text.replaceFirst("^data:image/png;base64,", ""));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Whether the image draws anything: a blank pad is not a signature. */
    public static boolean hasInk(BufferedImage image) {
        int step = Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 200);
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int luminance = ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
                if (alpha > 64 && luminance < 600) {
                    inked++;
                }
            }
        }
        return inked >= 20;
    }
}
