-- Contracts: first-class fields in clear for filtering; body and counterparty contact sealed
-- (AES-256-GCM envelope, see crypto package) so the database never holds them in plaintext.
CREATE TABLE contract (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    contract_no          VARCHAR(40)   NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    contract_type        VARCHAR(32)   NOT NULL,
    department_id        VARCHAR(64)   NOT NULL,
    counterparty_name    VARCHAR(200),
    counterparty_contact VARCHAR(4000),
    amount               DECIMAL(19, 2),
    currency             CHAR(3),
    body                 VARCHAR(1000000),
    status               VARCHAR(24)   NOT NULL,
    created_by           VARCHAR(128)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_contract_no UNIQUE (contract_no)
);
CREATE INDEX ix_contract_department ON contract (department_id, status);

-- Contract numbers: one counter per prefix and year, row-locked while a number is drawn.
CREATE TABLE contract_number_counter (
    prefix   VARCHAR(16) NOT NULL,
    counter_year INT     NOT NULL,
    last_no  BIGINT      NOT NULL,
    PRIMARY KEY (prefix, counter_year)
);
