-- Evidence trail (issue 6, S8): one entry per contract event, SHA-256 chained; entries sealed in
-- batches whose Merkle root is time-stamped (RFC 3161) and anchored on a ledger.
CREATE TABLE evidence_entry (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    event_type    VARCHAR(32)   NOT NULL,
    contract_id   VARCHAR(36)   NOT NULL,
    actor         VARCHAR(128)  NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version_no    INT,
    document_hash CHAR(64),
    detail        VARCHAR(600),
    prev_hash     CHAR(64)      NOT NULL,
    entry_hash    CHAR(64)      NOT NULL
);
CREATE INDEX ix_evidence_entry_contract ON evidence_entry (contract_id, seq);

-- One row: the chain's head. Locking it serialises appends, also across application nodes.
CREATE TABLE evidence_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO evidence_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A sealed run of entries [first_seq, last_seq] and what proves it: the RFC 3161 token over its
-- Merkle root and the ledger's receipt. Batches follow each other without gaps.
CREATE TABLE evidence_batch (
    batch_no        BIGINT       NOT NULL PRIMARY KEY,
    first_seq       BIGINT       NOT NULL,
    last_seq        BIGINT       NOT NULL,
    merkle_root     CHAR(64)     NOT NULL,
    sealed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    timestamp_token TEXT,
    timestamped_at  TIMESTAMP WITH TIME ZONE,
    ledger          VARCHAR(32),
    anchor_receipt  TEXT,
    anchored_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_evidence_batch_first UNIQUE (first_seq)
);

-- The local ledger (embedded default): signed batch headers, each linked to the previous one.
CREATE TABLE ledger_block (
    height       BIGINT       NOT NULL PRIMARY KEY,
    batch_no     BIGINT       NOT NULL,
    first_seq    BIGINT       NOT NULL,
    last_seq     BIGINT       NOT NULL,
    merkle_root  CHAR(64)     NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    block_hash   CHAR(64)     NOT NULL,
    signature    TEXT         NOT NULL,
    CONSTRAINT uq_ledger_block_batch UNIQUE (batch_no)
);
