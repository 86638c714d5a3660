package cn.econtract.app.identity;

import java.util.Arrays;
import java.util.Optional;

/** Fine-grained permissions (S3). The code is what the API, the database and the docs use. */
public enum Permission {
    CONTRACT_VIEW("contract:view"),
    CONTRACT_CREATE("contract:create"),
    CONTRACT_EDIT("contract:edit"),
    CONTRACT_DELETE("contract:delete"),
    CONTRACT_SUBMIT("contract:submit"),
    CONTRACT_SIGN("contract:sign"),
    CONTRACT_EXPORT("contract:export"),
    TEMPLATE_USE("template:use"),
    TEMPLATE_EDIT("template:edit"),
    TEMPLATE_PUBLISH("template:publish"),
    SEAL_USE("seal:use"),
    ARCHIVE_READ("archive:read"),
    ARCHIVE_BORROW("archive:borrow"),
    ARCHIVE_MANAGE("archive:manage"),
    AUDIT_READ("audit:read"),
    ADMIN("admin");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Permission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
