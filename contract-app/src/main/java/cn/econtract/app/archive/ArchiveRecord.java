package cn.econtract.app.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A filed contract as the archive register holds it. {@code retentionEnds} is null for a
 * permanent item; {@code signedRevision} null when the contract ended before it was signed.
 */
public record ArchiveRecord(String archiveNo, String contractId, String contractNo, String title, String contractType,
                            String departmentId, String counterparty, String category, String categoryName, int year,
                            String retention, LocalDate retentionEnds, String copySha256, String packageSha256,
                            Integer signedRevision, Status status, Instant archivedAt, String archivedBy, Instant destroyedAt) {

    /** KEPT: in the archive; DESTROYED: reviewed, approved and destroyed (the entry stays in the register). */
    public enum Status { KEPT, DESTROYED }
}
