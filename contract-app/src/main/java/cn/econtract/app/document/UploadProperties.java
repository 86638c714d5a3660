package cn.econtract.app.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for uploaded Word and PDF files. A .docx is a zip: besides its own size, the unpacked size
 * and the number of parts are capped so a zip bomb is stopped while it is being read.
 */
@ConfigurationProperties("econtract.uploads")
public record UploadProperties(Long maxBytes, Long maxUnpackedBytes, Integer maxZipEntries, Integer maxPdfPages) {

    public UploadProperties {
        maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
        maxUnpackedBytes = maxUnpackedBytes == null ? 100L * 1024 * 1024 : maxUnpackedBytes;
        maxZipEntries = maxZipEntries == null ? 2000 : maxZipEntries;
        maxPdfPages = maxPdfPages == null ? 500 : maxPdfPages;
    }
}
