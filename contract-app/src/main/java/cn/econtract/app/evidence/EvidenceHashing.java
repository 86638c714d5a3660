package cn.econtract.app.evidence;

import cn.econtract.app.kernel.Sha256;
import java.util.HexFormat;

/**
 * The byte form an entry's hash is computed over, kept deliberately plain so a court expert can
 * recompute it with any SHA-256 tool: one {@code name=value} line per field in a fixed order, UTF-8,
 * backslash and line breaks escaped. Changing it invalidates every stored proof: never edit, add a
 * version instead.
 */
public final class EvidenceHashing {

    static final String FORMAT = "econtract-evidence/1";
    public static final String GENESIS = "0".repeat(64);

    private EvidenceHashing() {
    }

    public static String canonical(EvidenceEntry e) {
        return FORMAT + "\n"
                + "seq=" + e.seq() + "\n"
                + "type=" + e.type().name() + "\n"
                + "contract=" + escape(e.contractId()) + "\n"
                + "actor=" + escape(e.actor()) + "\n"
                + "time=" + e.occurredAt() + "\n"
                + "version=" + (e.version() == null ? "" : e.version()) + "\n"
                + "document=" + (e.documentHash() == null ? "" : e.documentHash()) + "\n"
                + "detail=" + escape(e.detail()) + "\n"
                + "prev=" + e.prevHash() + "\n";
    }

    public static String entryHash(EvidenceEntry e) {
        return Sha256.hex(canonical(e));
    }

    /** The Merkle leaf of an entry: its hash as 32 bytes. */
    static byte[] leaf(EvidenceEntry e) {
        return HexFormat.of().parseHex(e.entryHash());
    }

    static EvidenceEntry sealed(EvidenceEntry e) {
        return new EvidenceEntry(e.seq(), e.type(), e.contractId(), e.actor(), e.occurredAt(), e.version(),
                e.documentHash(), e.detail(), e.prevHash(), entryHash(e));
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
