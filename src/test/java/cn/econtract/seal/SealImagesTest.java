package cn.econtract.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.seal.PngImages;
import cn.econtract.app.seal.SealImage;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The drawn company seal and the checks every uploaded signature or seal image passes first. */
class SealImagesTest {

    @Test
    void theSealIsARedRingWithAStarOnATransparentBackground() throws Exception {
        byte[] png = SealImage.draw("上海精工机床有限公司", "合同专用章", "3101150012345", size -> new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int size = image.getWidth();
        assertThat(image.getHeight()).isEqualTo(size);
        assertThat(alpha(image.getRGB(2, 2))).as("corners stay transparent").isZero();
        int ring = image.getRGB(size / 2, 14);
        assertThat(alpha(ring)).as("the ring at the top").isGreaterThan(200);
        assertThat(red(ring)).isGreaterThan(200);
        assertThat(green(ring)).isLessThan(60);
        int star = image.getRGB(size / 2, size / 2);
        assertThat(alpha(star)).as("the star in the middle").isGreaterThan(200);
        assertThat(red(star)).isGreaterThan(200);
        assertThat(alpha(image.getRGB(size / 2, size / 2 - 110))).as("between the star and the name").isZero();
        assertThat(PngImages.hasInk(PngImages.checked(png))).isTrue();
    }

    @Test
    void uploadsAreCheckedBeforeDecoding() throws Exception {
        assertThat(code(() -> PngImages.checked(new byte[0]))).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(code(() -> PngImages.checked("GIF89a........................................".getBytes()))).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(code(() -> PngImages.checked(new byte[1024 * 1024 + 1]))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        // a decompression bomb announces itself in the header: 100,000 × 100,000 pixels in a few bytes
        assertThat(code(() -> PngImages.checked(header(100_000, 100_000)))).isEqualTo(ErrorCode.UNPROCESSABLE_DOCUMENT);
        // a valid header with no image data behind it
        assertThat(code(() -> PngImages.checked(header(10, 10)))).isEqualTo(ErrorCode.UNPROCESSABLE_DOCUMENT);
        BufferedImage blank = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        assertThat(PngImages.hasInk(PngImages.checked(out.toByteArray()))).as("an empty pad is no signature").isFalse();
    }

    private static ErrorCode code(Runnable check) {
        try {
            check.run();
        } catch (BusinessException e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    /** PNG signature and an IHDR chunk with a correct CRC, nothing else. */
    private static byte[] header(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static int alpha(int argb) {
        return argb >>> 24;
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xff;
    }
}
