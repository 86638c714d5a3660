package cn.econtract.app.template;

import java.util.List;

/** A template with the version a drafter uses (newest published) and the list of all versions. */
public record TemplateDetail(Template template, TemplateVersion current, List<VersionLine> versions,
                             List<TemplateRule> rules) {

    /** One version in the list, without its content. */
    public record VersionLine(int version, TemplateStatus status, String contentHash, String createdBy,
                              java.time.Instant createdAt, java.time.Instant publishedAt) {
    }
}
