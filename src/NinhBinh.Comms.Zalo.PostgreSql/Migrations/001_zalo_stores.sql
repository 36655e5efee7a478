-- NinhBinh.Comms.Zalo.PostgreSql, schema version 1.
-- The stores run this themselves when a table is missing (ZaloPostgreSqlOptions.CreateTablesIfMissing, default true);
-- operators who manage schemas themselves apply it once and set CreateTablesIfMissing to false.
-- Tables are created in the first schema of the connection's search_path (Npgsql: "Search Path=..." to choose one).

-- One row per Official Account: its current token pair. Secrets: restrict SELECT to the app's role.
CREATE TABLE IF NOT EXISTS nbcomms_zalo_tokens (
    oa_id                    text        PRIMARY KEY,
    access_token             text        NOT NULL,
    refresh_token            text        NOT NULL,
    access_token_expires_at  timestamptz NOT NULL,
    refresh_token_expires_at timestamptz NOT NULL,
    issued_at                timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL DEFAULT now()
);

-- One row per webhook event seen: claimed (completed = false, until expires_at) or handled (completed = true, kept
-- until expires_at, the retention). Expired rows are deleted by the store as it goes.
CREATE TABLE IF NOT EXISTS nbcomms_zalo_webhook_dedupe (
    dedupe_key text        PRIMARY KEY,
    completed  boolean     NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS nbcomms_zalo_webhook_dedupe_expires_at ON nbcomms_zalo_webhook_dedupe (expires_at);
