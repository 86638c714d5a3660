-- Signer identity (issue 5, F3.1): one-time codes sent by SMS or e-mail, kept only as an HMAC;
-- and the demo/embedded message outbox the SMS and e-mail gateways write to.
CREATE TABLE signer_challenge (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    signer      VARCHAR(128) NOT NULL,
    purpose     VARCHAR(128) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    destination VARCHAR(64)  NOT NULL,
    code_mac    CHAR(64)     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts    INT          NOT NULL,
    verified_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_signer_challenge_signer ON signer_challenge (signer, created_at);

CREATE TABLE message_outbox (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    channel     VARCHAR(16)   NOT NULL,
    destination VARCHAR(256)  NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
