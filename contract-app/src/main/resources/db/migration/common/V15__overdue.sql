-- Overdue handling (issue 8, F5.2): dunning letters (催款函) — drafted from the Word template,
-- approved by legal, sent — and disputes legal took over, per obligation.
CREATE TABLE dunning_letter (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    obligation_id VARCHAR(36)   NOT NULL,
    contract_id   VARCHAR(36)   NOT NULL,
    letter_no     INT           NOT NULL,
    days_overdue  INT           NOT NULL,
    amount_due    DECIMAL(18,2),
    pdf_sha256    CHAR(64)      NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    VARCHAR(128),
    decided_at    TIMESTAMP WITH TIME ZONE,
    opinion       VARCHAR(2000),
    sent_to       VARCHAR(200),
    sent_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_dunning_letter_no UNIQUE (obligation_id, letter_no)
);
CREATE INDEX ix_dunning_letter_contract ON dunning_letter (contract_id);

CREATE TABLE obligation_dispute (
    obligation_id VARCHAR(36)   NOT NULL PRIMARY KEY,
    contract_id   VARCHAR(36)   NOT NULL,
    opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(500)  NOT NULL,
    handled_by    VARCHAR(128),
    handled_at    TIMESTAMP WITH TIME ZONE,
    handling      VARCHAR(2000)
);
