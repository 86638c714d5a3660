-- API clients (issue 9, G4): OA/ERP systems authenticate with an API key that acts as a service
-- account of the directory (its roles scope what the key may do); only the key's SHA-256 is kept.
-- Idempotency keys: the first answer to a creating call with an Idempotency-Key is kept (sealed)
-- and given again to a repeat, so a retried request never creates twice.
CREATE TABLE api_client (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    user_id          VARCHAR(128) NOT NULL,
    key_hash         CHAR(64)     NOT NULL,
    rate_per_second  INT          NOT NULL,
    active           BOOLEAN      NOT NULL,
    created_by       VARCHAR(128) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_api_client_key UNIQUE (key_hash)
);

CREATE TABLE idempotency_record (
    principal     VARCHAR(128)  NOT NULL,
    idem_key      VARCHAR(100)  NOT NULL,
    request_hash  CHAR(64)      NOT NULL,
    status        INT,
    content_type  VARCHAR(100),
    response      VARCHAR(200000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
