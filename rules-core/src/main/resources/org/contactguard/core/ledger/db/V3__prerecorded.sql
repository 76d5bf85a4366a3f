-- Contactguard contact ledger, schema version 3. Runs unchanged on PostgreSQL (12+) and H2 (2.x);
-- applied after V2 by JdbcContactLedger (migrate = true) or by hand (then insert
-- (3, 'V3__prerecorded.sql', now) into cg_schema_version).

-- Whether a call played an artificial or prerecorded voice (contract v1, 2026-12-03): a cap on
-- prerecorded calls counts the ledger's history, so the flag must survive the round trip. Attempts
-- recorded before this version were not marked and read back as false.
ALTER TABLE cg_attempt ADD COLUMN IF NOT EXISTS prerecorded BOOLEAN DEFAULT FALSE NOT NULL;
