package cn.econtract.app.evidence;

import cn.econtract.app.kernel.Sha256;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;

/**
 * The local ledger's block format, shared by the ledger and the offline verifier: a block hash over
 * plain {@code name=value} lines (height, batch, entries, root, time, previous block hash), signed
 * with SHA256withECDSA by the platform's ledger key, whose certificate the receipt carries.
 */
public final class LedgerBlocks {

    static final String FORMAT = "econtract-ledger/1";

    private LedgerBlocks() {
    }

    public static String blockHash(long height, BatchHeader header, String recordedAt, String prevHash) {
        return Sha256.hex(FORMAT + "\n"
                + "height=" + height + "\n"
                + "batch=" + header.batchNo() + "\n"
                + "first=" + header.firstSeq() + "\n"
                + "last=" + header.lastSeq() + "\n"
                + "root=" + header.merkleRoot() + "\n"
                + "time=" + recordedAt + "\n"
                + "prev=" + prevHash + "\n");
    }

    /**
     * Checks a local-ledger receipt against the header it claims: the block hash recomputes and the
     * signature verifies under the certificate in the receipt. Null when it holds, else the reason.
     */
    public static String problem(AnchorReceipt receipt, BatchHeader header) {
        Map<String, String> f = receipt.fields();
        try {
            String expected = blockHash(Long.parseLong(f.get("height")), header, f.get("recordedAt"), f.get("prevHash"));
            if (!expected.equals(f.get("blockHash"))) {
                return "block hash does not match the batch (" + f.get("blockHash") + " ≠ " + expected + ")";
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(f.get("certificate"))));
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(certificate.getPublicKey());
            signature.update(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return signature.verify(Base64.getDecoder().decode(f.get("signature"))) ? null
                    : "ledger signature does not verify";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "unreadable local-ledger receipt: " + e.getMessage();
        }
    }
}
