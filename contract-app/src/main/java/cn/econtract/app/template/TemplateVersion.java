package cn.econtract.app.template;

import java.time.Instant;

/** One version of a template. {@code contentHash} is SHA-256 over the canonical JSON of the content. */
public record TemplateVersion(String id, String templateId, int version, TemplateStatus status, TemplateContent content,
                              String contentHash, String createdBy, Instant createdAt, String publishedBy,
                              Instant publishedAt, Instant retiredAt) {
}
