package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.InclusionProof;
import cn.econtract.app.evidence.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight-leaf vector Certificate Transparency implementations test against (RFC 6962 hashing). */
    @Test
    void rootMatchesTheCertificateTransparencyTestVector() {
        List<byte[]> leaves = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
        assertThat(HEX.formatHex(new MerkleTree(leaves).root()))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void everyEntryOfEveryBatchSizeHasAProofThatVerifiesOffline() {
        for (int size = 1; size <= 70; size++) {
            List<byte[]> entries = entries(size);
            MerkleTree tree = new MerkleTree(entries);
            for (int i = 0; i < size; i++) {
                InclusionProof proof = tree.proof(i);
                assertThat(proof.verify(entries.get(i))).as("entry %d of %d", i, size).isTrue();
                assertThat(proof.path().size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(size));
            }
        }
    }

    @Test
    void aChangedEntryPathRootOrPositionFailsTheProof() {
        List<byte[]> entries = entries(13);
        MerkleTree tree = new MerkleTree(entries);
        InclusionProof proof = tree.proof(6);
        assertThat(proof.verify("合同已签署 #6 changed".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(proof.verify(entries.get(7))).isFalse();

        List<byte[]> path = new ArrayList<>(proof.path());
        byte[] flipped = path.get(1).clone();
        flipped[0] ^= 1;
        path.set(1, flipped);
        assertThat(new InclusionProof(6, 13, path, proof.root()).verify(entries.get(6))).isFalse();
        assertThat(new InclusionProof(7, 13, proof.path(), proof.root()).verify(entries.get(6))).isFalse();
        // the size only steers the path's directions (the root commits to it): a position past the end fails
        assertThat(new InclusionProof(6, 6, proof.path(), proof.root()).verify(entries.get(6))).isFalse();
        assertThat(new InclusionProof(6, 13, proof.path().subList(0, 3), proof.root()).verify(entries.get(6))).isFalse();
        byte[] otherRoot = proof.root();
        otherRoot[31] ^= 1;
        assertThat(new InclusionProof(6, 13, proof.path(), otherRoot).verify(entries.get(6))).isFalse();
    }

    @Test
    void aLeafCannotPoseAsAnInnerNode() {
        List<byte[]> entries = entries(4);
        MerkleTree tree = new MerkleTree(entries);
        // the concatenation of two leaf hashes, offered as one entry, does not reach the root
        InclusionProof proof = tree.proof(0);
        byte[] forged = new byte[64];
        System.arraycopy(proof.path().get(0), 0, forged, 0, 32);
        assertThat(new InclusionProof(0, 2, List.of(proof.path().get(1)), tree.root()).verify(forged)).isFalse();
    }

    private static List<byte[]> entries(int n) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(("合同已签署 #" + i).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
