package cn.econtract.app.evidence;

import java.security.MessageDigest;
import java.util.List;

/**
 * That entry {@code index} of a batch of {@code size} entries is in the tree with {@code root}:
 * the sibling hashes from the leaf upwards (RFC 6962 §2.1.1 audit path). Checked offline from the
 * entry's bytes alone, by recomputing the root (RFC 9162 §2.1.3.2).
 */
public record InclusionProof(int index, int size, List<byte[]> path, byte[] root) {

    public InclusionProof {
        path = path.stream().map(byte[]::clone).toList();
        root = root.clone();
    }

    public boolean verify(byte[] entry) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = MerkleTree.leafHash(entry);
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }
}
