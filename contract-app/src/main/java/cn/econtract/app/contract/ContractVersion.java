package cn.econtract.app.contract;

import java.time.Instant;

/**
 * One saved version. {@code contentHash} is SHA-256 over the canonical JSON of the content, the
 * value the evidence trail and the approval record quote as "the version seen".
 */
public record ContractVersion(String contractId, int version, ContractContent content, String contentHash,
                              VersionSource source, String createdBy, Instant createdAt) {

    /** Where a version came from. */
    public enum VersionSource { TEMPLATE, UPLOAD, EDITOR, API }
}
