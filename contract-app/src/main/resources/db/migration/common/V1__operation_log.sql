-- Operation log (S4): append-only, HMAC-chained. Portable SQL: runs on H2 and PostgreSQL.
CREATE TABLE operation_log (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(128)  NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    resource_type VARCHAR(64),
    resource_id   VARCHAR(256),
    outcome       VARCHAR(16)   NOT NULL,
    client_ip     VARCHAR(64),
    user_agent    VARCHAR(512),
    detail        VARCHAR(2000),
    prev_hash     CHAR(64)      NOT NULL,
    entry_hash    CHAR(64)      NOT NULL
);
CREATE INDEX ix_operation_log_actor ON operation_log (actor, occurred_at);
CREATE INDEX ix_operation_log_resource ON operation_log (resource_type, resource_id);
CREATE INDEX ix_operation_log_time ON operation_log (occurred_at);

-- One row: the chain's head. Locking it serialises appends, also across application nodes.
CREATE TABLE operation_log_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO operation_log_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Where verification starts after a retention purge.
CREATE TABLE operation_log_anchor (
    id                  INT      NOT NULL PRIMARY KEY,
    purged_through_seq  BIGINT   NOT NULL,
    purged_through_hash CHAR(64) NOT NULL
);
