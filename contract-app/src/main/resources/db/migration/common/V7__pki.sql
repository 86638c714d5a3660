-- Built-in PKI (issue 5): every certificate the platform's CAs issued, and its revocation.
CREATE TABLE issued_certificate (
    serial            VARCHAR(40)  NOT NULL PRIMARY KEY,
    holder_type       VARCHAR(16)  NOT NULL,
    holder_id         VARCHAR(128) NOT NULL,
    subject           VARCHAR(500) NOT NULL,
    key_alias         VARCHAR(160) NOT NULL,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after         TIMESTAMP WITH TIME ZONE NOT NULL,
    certificate       TEXT         NOT NULL,
    issued_by         VARCHAR(128) NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason VARCHAR(32)
);
CREATE INDEX ix_issued_certificate_holder ON issued_certificate (holder_type, holder_id, not_after);
