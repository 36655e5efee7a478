-- NinhBinh.Comms.Metrics.PostgreSql: content items, topics, campaigns, agencies and training records. Each record is
-- kept as its canonical CSV row (body) under its kind and key, with the unit in force, its province and a day
-- (publication or training) for selecting. Applied after 001_kpi_store.sql; idempotent.
CREATE TABLE IF NOT EXISTS kpi_record (
    kind     text NOT NULL,  -- content, topic, campaign, agency, training
    key      text NOT NULL,
    body     text NOT NULL,
    unit     text NULL,
    province text NULL,
    day      date NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX IF NOT EXISTS kpi_record_scope ON kpi_record (kind, province, day);
