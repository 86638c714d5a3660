package cn.econtract.app.backup;

import java.time.Instant;

/**
 * What a snapshot holds, written last: a snapshot without it is incomplete and never restored.
 *
 * @param createdAt      when the database was copied (the recovery point)
 * @param databaseSha256 of {@code database.zip}, H2's online backup
 * @param keystoreSha256 of {@code keys/kek.p12}, the key-encryption keys (password-protected)
 * @param passwordSha256 of {@code keys/kek.p12.pass}, the password the embedded default generated
 *                       for itself when none is configured; null when it is configured (then it
 *                       stays in the operator's secret store, never in a snapshot)
 * @param documents      document objects the shared {@code documents/} directory held afterwards
 */
public record BackupManifest(Instant createdAt, String databaseSha256, String keystoreSha256, String passwordSha256, long documents) {

    static final String FILE = "manifest.json";
    static final String DATABASE = "database.zip";
    static final String KEYSTORE = "keys/kek.p12";
    static final String PASSWORD = "keys/kek.p12.pass";
    /** Beside the snapshots, shared by all: objects are write-once and named by content. */
    static final String DOCUMENTS = "documents";
}
