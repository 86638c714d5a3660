// SPDX-License-Identifier: Apache-2.0
pragma solidity >=0.6.10 <0.8.12;

/// @title Evidence batch roots of one econtract installation (存证批次锚定)
/// @notice The installation's account anchors each Merkle root once; anyone on the chain may look
///         one up. block.timestamp on FISCO BCOS is in milliseconds.
contract EvidenceAnchor {
    struct Anchor {
        uint64 batchNo;
        uint64 firstSeq;
        uint64 lastSeq;
        uint64 anchoredAt;
    }

    address public owner;
    mapping(bytes32 => Anchor) private anchors;

    event Anchored(bytes32 indexed root, uint64 batchNo, uint64 firstSeq, uint64 lastSeq, uint64 anchoredAt);

    constructor() public {
        owner = msg.sender;
    }

    function anchor(bytes32 root, uint64 batchNo, uint64 firstSeq, uint64 lastSeq) public {
        require(msg.sender == owner, "not the owner");
        require(anchors[root].anchoredAt == 0, "already anchored");
        uint64 at = uint64(block.timestamp);
        anchors[root] = Anchor(batchNo, firstSeq, lastSeq, at);
        emit Anchored(root, batchNo, firstSeq, lastSeq, at);
    }

    function lookup(bytes32 root) public view returns (uint64 batchNo, uint64 firstSeq, uint64 lastSeq, uint64 anchoredAt) {
        Anchor memory a = anchors[root];
        return (a.batchNo, a.firstSeq, a.lastSeq, a.anchoredAt);
    }
}
