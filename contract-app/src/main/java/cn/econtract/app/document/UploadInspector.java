package cn.econtract.app.document;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Component;

/**
 * Checks an upload is what it claims before any parser sees it: size, magic bytes, for Word the zip
 * structure (entry count, unpacked size, ratio: zip bombs), no macros (.docm / vbaProject), and no
 * DTD in any XML part (XXE). Everything is read in memory; nothing is written to disk.
 */
@Component
public class UploadInspector {

    public enum Kind { DOCX, PDF }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    /** Ordinary documents compress text 5–20×; a hundredfold is a bomb. */
    private static final int MAX_RATIO = 100;

    private final UploadProperties limits;

    public UploadInspector(UploadProperties limits) {
        this.limits = limits;
    }

    /** The kind of a checked upload; throws 4xx problems for anything else. */
    public Kind inspect(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw rejected(ErrorCode.VALIDATION_FAILED, "error.upload.empty");
        }
        if (content.length > limits.maxBytes()) {
            throw rejected(ErrorCode.PAYLOAD_TOO_LARGE, "error.upload.tooLarge", limits.maxBytes() / (1024 * 1024));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docm") || name.endsWith(".dotm")) {
            throw rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
        }
        if (name.endsWith(".docx") && startsWith(content, ZIP)) {
            checkDocx(content);
            return Kind.DOCX;
        }
        if (name.endsWith(".pdf") && startsWith(content, PDF)) {
            return Kind.PDF;
        }
        throw rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
    }

    private void checkDocx(byte[] content) {
        Set<String> names = new HashSet<>();
        long unpacked = 0;
        long cap = Math.min(limits.maxUnpackedBytes(), (long) content.length * MAX_RATIO + 1024 * 1024);
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() >= limits.maxZipEntries()) {
                    throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.zipBomb");
                }
                String entryName = entry.getName();
                if (!names.add(entryName) || entryName.contains("..") || entryName.startsWith("/")) {
                    throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
                }
                String lower = entryName.toLowerCase(Locale.ROOT);
                if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
                    throw rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
                }
                boolean xml = lower.endsWith(".xml") || lower.endsWith(".rels");
                StringBuilder head = xml ? new StringBuilder() : null;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > cap) {
                        throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.zipBomb");
                    }
                    if (head != null && head.length() < 64 * 1024) {
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
                // a DTD must come before the root element, so the head of each part is enough
                if (head != null && containsDtd(head)) {
                    throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.dtd");
                }
                if ("[content_types].xml".equals(lower) && head != null
                        && head.toString().toLowerCase(Locale.ROOT).contains("macroenabled")) {
                    throw rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.macro");
                }
            }
        } catch (ZipException e) {
            throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
        } catch (IOException e) {
            throw rejected(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
        }
        if (!names.contains("[Content_Types].xml") || !names.contains("word/document.xml")) {
            throw rejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        }
    }

    private static boolean containsDtd(StringBuilder head) {
        String upper = head.toString().replace("\0", "").toUpperCase(Locale.ROOT);  // UTF-16 parts too
        return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static BusinessException rejected(ErrorCode code, String key, Object... args) {
        return new BusinessException(code, key, args);
    }
}
