package cn.econtract.app.document;

import java.util.Objects;
import java.util.Set;

/**
 * A file embedded in a PDF/A-3 archival copy as an associated file, e.g. the signed original
 * ({@code Source}) or its evidence record ({@code Data}).
 *
 * @param fileName     name shown by PDF readers; unique within one copy
 * @param mimeType     MIME type, written as the embedded file's /Subtype
 * @param description  the file specification's /Desc
 * @param relationship the /AFRelationship: Source, Data, Alternative, Supplement or Unspecified
 * @param bytes        the file content
 */
public record PdfAttachment(String fileName, String mimeType, String description, String relationship, byte[] bytes) {

    /** The values PDF/A-3 (ISO 19005-3) allows for /AFRelationship. */
    public static final Set<String> RELATIONSHIPS = Set.of("Source", "Data", "Alternative", "Supplement", "Unspecified");

    public PdfAttachment {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("attachment needs a file name");
        }
        if (mimeType == null || !mimeType.matches("[\\w.+-]+/[\\w.+-]+")) {
            throw new IllegalArgumentException("attachment " + fileName + ": not a MIME type: " + mimeType);
        }
        if (!RELATIONSHIPS.contains(relationship)) {
            throw new IllegalArgumentException("attachment " + fileName + ": AFRelationship must be one of " + RELATIONSHIPS);
        }
        // copied so the archived bytes cannot change after the caller hands them over
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
