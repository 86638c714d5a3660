-- Roles (Camunda groups of type ROLE) → permissions with a department scope (S3).
-- The product's default mapping; administrators change it at /admin/roles or over the API.
CREATE TABLE role_permission (
    role_id    VARCHAR(64) NOT NULL,
    permission VARCHAR(64) NOT NULL,
    scope      VARCHAR(16) NOT NULL,
    PRIMARY KEY (role_id, permission)
);

INSERT INTO role_permission (role_id, permission, scope) VALUES
 ('drafter',   'contract:view',     'OWN_DEPARTMENT'),
 ('drafter',   'contract:create',   'OWN_DEPARTMENT'),
 ('drafter',   'contract:edit',     'OWN_DEPARTMENT'),
 ('drafter',   'contract:delete',   'OWN_DEPARTMENT'),
 ('drafter',   'contract:submit',   'OWN_DEPARTMENT'),
 ('drafter',   'contract:export',   'OWN_DEPARTMENT'),
 ('drafter',   'template:use',      'ALL'),
 ('manager',   'contract:view',     'OWN_DEPARTMENT'),
 ('manager',   'contract:create',   'OWN_DEPARTMENT'),
 ('manager',   'contract:edit',     'OWN_DEPARTMENT'),
 ('manager',   'contract:submit',   'OWN_DEPARTMENT'),
 ('manager',   'contract:sign',     'OWN_DEPARTMENT'),
 ('manager',   'contract:export',   'OWN_DEPARTMENT'),
 ('manager',   'template:use',      'ALL'),
 ('legal',     'contract:view',     'ALL'),
 ('legal',     'contract:edit',     'ALL'),
 ('legal',     'contract:export',   'ALL'),
 ('legal',     'template:use',      'ALL'),
 ('legal',     'template:edit',     'ALL'),
 ('legal',     'template:publish',  'ALL'),
 ('finance',   'contract:view',     'ALL'),
 ('finance',   'contract:export',   'ALL'),
 ('gm',        'contract:view',     'ALL'),
 ('gm',        'contract:sign',     'ALL'),
 ('gm',        'contract:export',   'ALL'),
 ('seal',      'contract:view',     'ALL'),
 ('seal',      'seal:use',          'ALL'),
 ('archivist', 'contract:view',     'ALL'),
 ('archivist', 'archive:read',      'ALL'),
 ('archivist', 'archive:borrow',    'ALL'),
 ('auditor',   'contract:view',     'ALL'),
 ('auditor',   'audit:read',        'ALL'),
 ('admin',     'admin',             'ALL'),
 ('admin',     'audit:read',        'ALL');
