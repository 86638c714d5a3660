package cn.econtract.app.template;

import java.time.Instant;

/** A template in the library; its texts live in {@link TemplateVersion}s. */
public record Template(String id, String code, String name, String category, String contractType, String createdBy,
                       Instant createdAt) {
}
