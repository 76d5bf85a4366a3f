-- Contactguard decision audit, schema version 2. Runs unchanged on PostgreSQL (12+) and H2 (2.x).
-- A DBA who creates the schema by hand runs this file after V1 and inserts
-- (2, 'V2__history_entries.sql', now) into cg_audit_schema_version.

-- Each history entry the audit has seen, once: a 50-entry history is nine tenths of a request's
-- JSON, and successive decisions about one debtor repeat it. digest is the first 128 bits of the
-- SHA-256 of attempt_json (the entry's canonical JSON), in hex. Rows are never updated. A running
-- sink remembers which entries the table holds, so prune only with every sink stopped: delete the
-- entries no cg_audit row's history_refs names, then start the sinks again.
CREATE TABLE IF NOT EXISTS cg_audit_history_entry (
    digest        VARCHAR(32) PRIMARY KEY,
    attempt_json  TEXT NOT NULL
);

-- Null: request_json holds the request whole (as every row of version 1, and every record written
-- in a contact ledger's transaction). Otherwise request_json leaves out the request's history, and
-- history_refs lists its entries' digests, comma-separated, in the history's order.
ALTER TABLE cg_audit ADD COLUMN IF NOT EXISTS history_refs TEXT;
