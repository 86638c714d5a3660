-- Drafting (issue 3): templates with immutable published versions, the clause library, and every
-- saved version of a contract. Template and clause texts are standard forms, kept in clear;
-- contract versions are sealed like the contract body (crypto package).

CREATE TABLE contract_template (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    code          VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    category      VARCHAR(64)  NOT NULL,
    contract_type VARCHAR(32)  NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_template_code UNIQUE (code)
);

-- DRAFT → PUBLISHED → RETIRED. A published version never changes (checked by the service and, for
-- the content, by its hash); at most one draft per template at a time.
CREATE TABLE template_version (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    template_id   VARCHAR(36)  NOT NULL REFERENCES contract_template (id),
    version_no    INT          NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    content       TEXT         NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by  VARCHAR(128),
    published_at  TIMESTAMP WITH TIME ZONE,
    retired_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_template_version UNIQUE (template_id, version_no)
);

-- Who may use, edit or publish a template, beyond the global template:* permission. No row for an
-- action means every holder of that permission may; rows narrow it to roles or departments.
CREATE TABLE template_access (
    template_id    VARCHAR(36) NOT NULL REFERENCES contract_template (id),
    action         VARCHAR(16) NOT NULL,
    principal_type VARCHAR(16) NOT NULL,
    principal_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (template_id, action, principal_type, principal_id)
);

-- The clause library: every version kept; the newest is the current one.
CREATE TABLE library_clause (
    code          VARCHAR(64)  NOT NULL,
    version_no    INT          NOT NULL,
    category      VARCHAR(32)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    tags          VARCHAR(500) NOT NULL,
    body          TEXT         NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (code, version_no)
);

ALTER TABLE contract ADD COLUMN template_version_id VARCHAR(36);
ALTER TABLE contract ADD COLUMN effective_date DATE;
ALTER TABLE contract ADD COLUMN expiry_date DATE;
ALTER TABLE contract ADD COLUMN current_version INT DEFAULT 0 NOT NULL;
ALTER TABLE contract ADD COLUMN risk_flags VARCHAR(200);

-- Every save of the editor is a version; content (clauses and variables as JSON) is sealed.
CREATE TABLE contract_version (
    contract_id   VARCHAR(36)  NOT NULL REFERENCES contract (id),
    version_no    INT          NOT NULL,
    content       TEXT         NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, version_no)
);
CREATE INDEX ix_contract_creator ON contract (created_by, status);
