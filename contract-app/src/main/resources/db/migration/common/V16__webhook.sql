-- Webhooks (issue 9, G4): an OA/ERP system subscribes to lifecycle events; each event becomes a
-- delivery row in the transaction that made the change (a transactional outbox: no event lost, none
-- invented), sent with an HMAC signature, retried with backoff, kept as the delivery log.
CREATE TABLE webhook_subscription (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    url         VARCHAR(500)  NOT NULL,
    secret      VARCHAR(1000) NOT NULL,
    events      VARCHAR(500)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_by  VARCHAR(128)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    subscription_id  VARCHAR(36)   NOT NULL,
    event            VARCHAR(40)   NOT NULL,
    contract_id      VARCHAR(36)   NOT NULL,
    payload          VARCHAR(4000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status      INT,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at);
