-- Contactguard contact ledger, schema version 2. Runs unchanged on PostgreSQL (12+) and H2 (2.x);
-- applied after V1 by JdbcContactLedger (migrate = true) or by hand (then insert
-- (2, 'V2__accounts_requests.sql', now) into cg_schema_version).

-- One row per account ever contacted: decisions lock the rows of the action's accounts after the
-- debtor's, so that a cap per account holds across the debtors of a joint account.
CREATE TABLE IF NOT EXISTS cg_account (
    account_id VARCHAR(255) PRIMARY KEY
);

-- The request that reserved an attempt (null for attempts given to record()), the ledger instance
-- that decided it, and the version of the rules that allowed it: a retried request finds its first
-- decision, and reservations whose outcome never arrived can be traced to the dialer that made them.
ALTER TABLE cg_attempt ADD COLUMN IF NOT EXISTS request_id VARCHAR(255);
ALTER TABLE cg_attempt ADD COLUMN IF NOT EXISTS decided_by VARCHAR(255);
ALTER TABLE cg_attempt ADD COLUMN IF NOT EXISTS rule_set_version VARCHAR(255);

-- At most one reservation per debtor and request id (NULLs, record()'s attempts, do not collide).
CREATE UNIQUE INDEX IF NOT EXISTS cg_attempt_debtor_request ON cg_attempt (debtor_id, request_id);

-- The decision's lookup of other debtors' attempts about the same accounts.
CREATE INDEX IF NOT EXISTS cg_attempt_account_id ON cg_attempt_account (account_id);
