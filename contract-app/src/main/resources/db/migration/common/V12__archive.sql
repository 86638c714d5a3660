-- Archiving (issue 7, F4.2): one record per filed contract under its archive number
-- 全宗号-年度-保管期限-类别-件号 (DA/T 22), the counters the numbers come from, the loans
-- (借阅) of archived items and every destruction review decision (the register of what was kept
-- or destroyed, by whom and why). The archival copy and the package are in the document store
-- (V10) by SHA-256; a destroyed record keeps its row with the content made unreadable.
CREATE TABLE archive_record (
    archive_no       VARCHAR(48)  NOT NULL PRIMARY KEY,
    contract_id      VARCHAR(36)  NOT NULL,
    contract_no      VARCHAR(64)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    contract_type    VARCHAR(32)  NOT NULL,
    department_id    VARCHAR(64)  NOT NULL,
    counterparty     VARCHAR(200),
    category         VARCHAR(16)  NOT NULL,
    category_name    VARCHAR(64)  NOT NULL,
    archive_year     INT          NOT NULL,
    retention        VARCHAR(8)   NOT NULL,
    retention_ends   DATE,
    copy_sha256      CHAR(64)     NOT NULL,
    package_sha256   CHAR(64)     NOT NULL,
    signed_revision  INT,
    status           VARCHAR(16)  NOT NULL,
    archived_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_by      VARCHAR(128) NOT NULL,
    destroyed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_archive_record_contract UNIQUE (contract_id)
);
CREATE INDEX ix_archive_record_browse ON archive_record (category, archive_year, department_id);

CREATE TABLE archive_counter (
    series   VARCHAR(40) NOT NULL PRIMARY KEY,
    last_no  INT         NOT NULL
);

CREATE TABLE archive_borrowing (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    archive_no   VARCHAR(48)  NOT NULL,
    borrower     VARCHAR(128) NOT NULL,
    purpose      VARCHAR(500) NOT NULL,
    days         INT          NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by   VARCHAR(128),
    decided_at   TIMESTAMP WITH TIME ZONE,
    opinion      VARCHAR(2000),
    ends_at      TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_archive_borrowing_archive ON archive_borrowing (archive_no, borrower);

CREATE TABLE archive_appraisal (
    archive_no   VARCHAR(48)  NOT NULL,
    task_id      VARCHAR(64)  NOT NULL,
    step         VARCHAR(16)  NOT NULL,
    decision     VARCHAR(16)  NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    opinion      VARCHAR(2000),
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (archive_no, task_id)
);

-- archivists file on request, decide loans and review destruction; auditors read the archive;
-- staff may ask to borrow their own department's archives
INSERT INTO role_permission (role_id, permission, scope) VALUES
 ('archivist', 'archive:manage', 'ALL'),
 ('auditor',   'archive:read',   'ALL'),
 ('drafter',   'archive:borrow', 'OWN_DEPARTMENT'),
 ('manager',   'archive:borrow', 'OWN_DEPARTMENT'),
 ('legal',     'archive:borrow', 'ALL'),
 ('finance',   'archive:borrow', 'OWN_DEPARTMENT'),
 ('gm',        'archive:borrow', 'ALL');
