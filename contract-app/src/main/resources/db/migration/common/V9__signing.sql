-- Signing (issue 5, F3.x): one plan per signing attempt of a contract (a refusal or an expired
-- deadline ends the attempt and the drafter arranges the next), its signers in order, every
-- revision of the signed PDF (its content in the encrypted document store, V10, by SHA-256),
-- company seals, handwritten signatures, authenticator-app enrolments and batch signing progress.
CREATE TABLE signing_plan (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    contract_id    VARCHAR(36)  NOT NULL,
    attempt        INT          NOT NULL,
    signing_order  VARCHAR(16)  NOT NULL,
    factor_count   INT          NOT NULL,
    real_name      BOOLEAN      NOT NULL,
    deadline       TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    source_sha256  CHAR(64)     NOT NULL,
    created_by     VARCHAR(128) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    end_reason     VARCHAR(500),
    CONSTRAINT uq_signing_plan_attempt UNIQUE (contract_id, attempt)
);

CREATE TABLE signer (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    plan_id            VARCHAR(36)  NOT NULL,
    position           INT          NOT NULL,
    party              VARCHAR(16)  NOT NULL,
    appearance         VARCHAR(16)  NOT NULL,
    display_name       VARCHAR(128) NOT NULL,
    organisation       VARCHAR(200),
    user_id            VARCHAR(128),
    contact            VARCHAR(2000) NOT NULL,
    token_mac          CHAR(64),
    status             VARCHAR(16)  NOT NULL,
    task_id            VARCHAR(64),
    signed_at          TIMESTAMP WITH TIME ZONE,
    signed_by          VARCHAR(128),
    auth_methods       VARCHAR(128),
    client_ip          VARCHAR(64),
    certificate_serial VARCHAR(64),
    signature_field    VARCHAR(64),
    revision           INT,
    refusal_reason     VARCHAR(500),
    CONSTRAINT uq_signer_position UNIQUE (plan_id, position)
);
CREATE INDEX ix_signer_token ON signer (token_mac);
CREATE INDEX ix_signer_task ON signer (task_id);

CREATE TABLE signed_document (
    contract_id VARCHAR(36) NOT NULL,
    revision    INT         NOT NULL,
    plan_id     VARCHAR(36) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    sha256      CHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, revision)
);
CREATE INDEX ix_signed_document_hash ON signed_document (sha256);

CREATE TABLE company_seal (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    organisation  VARCHAR(200) NOT NULL,
    seal_no       VARCHAR(32)  NOT NULL,
    seal_type     VARCHAR(32)  NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    image         VARCHAR(4000000) NOT NULL,
    created_by    VARCHAR(128) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE handwriting (
    owner       VARCHAR(128) NOT NULL PRIMARY KEY,
    image       VARCHAR(4000000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE totp_enrolment (
    user_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    secret      VARCHAR(1000) NOT NULL,
    confirmed   BOOLEAN      NOT NULL,
    last_step   BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE signing_batch (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE signing_batch_item (
    batch_id    VARCHAR(36)  NOT NULL,
    position    INT          NOT NULL,
    task_id     VARCHAR(64)  NOT NULL,
    contract_id VARCHAR(36),
    status      VARCHAR(16)  NOT NULL,
    message     VARCHAR(500),
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (batch_id, position)
);

-- WebAuthn passkeys: the public key and counter only; the device checks the face or fingerprint.
CREATE TABLE passkey (
    credential_id  VARCHAR(400)  NOT NULL PRIMARY KEY,
    user_id        VARCHAR(128)  NOT NULL,
    credential     VARCHAR(4000) NOT NULL,
    sign_count     BIGINT        NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_passkey_user ON passkey (user_id);

CREATE TABLE webauthn_challenge (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    owner       VARCHAR(128) NOT NULL,
    purpose     VARCHAR(160) NOT NULL,
    challenge   VARCHAR(64)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
