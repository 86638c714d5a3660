-- Attachments of a contract (issue 7: search reads them too): the file and its extracted text are
-- in the encrypted document store (V10) by SHA-256; a removed attachment keeps its row for the
-- evidence trail.
CREATE TABLE contract_attachment (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    contract_id  VARCHAR(36)  NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    media_type   VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    text_sha256  CHAR(64)     NOT NULL,
    uploaded_by  VARCHAR(128) NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_by   VARCHAR(128),
    removed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_contract_attachment_contract ON contract_attachment (contract_id);
