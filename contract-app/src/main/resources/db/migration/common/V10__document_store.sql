-- Document store (issue 7, F4.1): the data key of every stored object, wrapped by a KEK; the
-- ciphertext itself lives in the document store (local directory or HDFS) under its address,
-- the SHA-256 of the plaintext. Rows are never deleted: every version of every document is kept.
CREATE TABLE document_object (
    address     CHAR(64)     NOT NULL PRIMARY KEY,
    kek_id      VARCHAR(32)  NOT NULL,
    wrapped_key VARCHAR(200) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
