package cn.econtract.app.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree over a batch of evidence entries, hashed as RFC 6962 (Certificate Transparency)
 * does: leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right), an unbalanced tree split
 * at the largest power of two below n. The domain prefixes keep a leaf from posing as a node.
 * Immutable; proofs are checked by {@link InclusionProof#verify} without the tree.
 */
public final class MerkleTree {

    private final List<byte[]> leaves;
    private final byte[] root;

    public MerkleTree(List<byte[]> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one entry");
        }
        List<byte[]> hashed = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            hashed.add(leafHash(entry));
        }
        this.leaves = List.copyOf(hashed);
        this.root = subtree(0, leaves.size());
    }

    public int size() {
        return leaves.size();
    }

    public byte[] root() {
        return root.clone();
    }

    /** The audit path of entry {@code index}: the sibling hashes from the leaf up to the root. */
    public InclusionProof proof(int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IndexOutOfBoundsException("entry " + index + " of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, leaves.size(), path);
        return new InclusionProof(index, leaves.size(), path, root());
    }

    private void path(int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index < from + k) {
            path(index, from, from + k, path);
            path.add(subtree(from + k, to));
        } else {
            path(index, from + k, to, path);
            path.add(subtree(from, from + k));
        }
    }

    private byte[] subtree(int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = split(to - from);
        return nodeHash(subtree(from, from + k), subtree(from + k, to));
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(data);
        return sha.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[" + leaves.size() + " entries, root " + java.util.HexFormat.of().formatHex(root) + "]";
    }
}
