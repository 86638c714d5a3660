-- Fulfilment (issue 8, F5): the obligations of a contract — proposed from its variables or text,
-- confirmed or corrected by the owner, then watched — their progress (payments, proof), the dates
-- of the events relative due dates count from, reminder deliveries (one row per obligation,
-- reminder, channel and person: the key that keeps a reminder from going out twice), and each
-- person's channel preferences.
CREATE TABLE obligation (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    contract_id   VARCHAR(36)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    party         VARCHAR(16)   NOT NULL,
    amount        DECIMAL(18,2),
    due_term      VARCHAR(64),
    due_date      DATE,
    source        VARCHAR(16)   NOT NULL,
    source_text   VARCHAR(1000),
    responsible   VARCHAR(128),
    status        VARCHAR(16)   NOT NULL,
    settled_amount DECIMAL(18,2) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_by  VARCHAR(128),
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    settled_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_obligation_contract ON obligation (contract_id);
CREATE INDEX ix_obligation_due ON obligation (status, due_date);

CREATE TABLE obligation_progress (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    obligation_id  VARCHAR(36)   NOT NULL,
    amount         DECIMAL(18,2),
    note           VARCHAR(500),
    proof_name     VARCHAR(200),
    proof_sha256   CHAR(64),
    recorded_by    VARCHAR(128)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_obligation_progress ON obligation_progress (obligation_id);

CREATE TABLE contract_anchor (
    contract_id  VARCHAR(36)  NOT NULL,
    anchor       VARCHAR(16)  NOT NULL,
    anchor_date  DATE         NOT NULL,
    recorded_by  VARCHAR(128) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, anchor)
);

CREATE TABLE reminder_delivery (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    obligation_id  VARCHAR(36)   NOT NULL,
    reminder_key   VARCHAR(64)   NOT NULL,
    channel        VARCHAR(8)    NOT NULL,
    recipient      VARCHAR(128)  NOT NULL,
    destination    VARCHAR(200)  NOT NULL,
    subject        VARCHAR(200)  NOT NULL,
    body           VARCHAR(2000) NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    attempts       INT           NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE,
    sent_at        TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_reminder_delivery UNIQUE (obligation_id, reminder_key, channel, recipient)
);
CREATE INDEX ix_reminder_delivery_status ON reminder_delivery (status, created_at);

CREATE TABLE notification_preference (
    user_id  VARCHAR(128) NOT NULL,
    channel  VARCHAR(8)   NOT NULL,
    enabled  BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, channel)
);

CREATE TABLE user_phone (
    user_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    phone    VARCHAR(20)  NOT NULL
);
