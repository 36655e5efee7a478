-- NinhBinh.Comms.Metrics.PostgreSql: the KPI store's tables. Applied by the store itself when
-- PostgreSqlKpiStoreOptions.CreateTablesIfMissing is true (the default); operators who manage schemas themselves apply
-- this script and turn that option off. Idempotent.
CREATE TABLE IF NOT EXISTS kpi_observation (
    unit_code     text        NOT NULL,  -- as imported (old codes kept)
    channel       text        NOT NULL,
    platform      text        NOT NULL,
    metric        text        NOT NULL,
    period_start  date        NOT NULL,
    period_end    date        NOT NULL,
    value         numeric     NOT NULL,
    source_metric text        NULL,
    retrieved_at  timestamptz NULL,
    estimated     boolean     NOT NULL DEFAULT false,
    unit          text        NOT NULL,  -- the unit in force the code maps to
    province      text        NOT NULL,
    PRIMARY KEY (unit_code, channel, platform, metric, period_start, period_end)
);
CREATE INDEX IF NOT EXISTS kpi_observation_unit ON kpi_observation (unit, metric, period_end);
CREATE INDEX IF NOT EXISTS kpi_observation_province ON kpi_observation (province, metric, period_end);
CREATE TABLE IF NOT EXISTS kpi_channel (
    unit_code      text    NOT NULL,
    channel        text    NOT NULL,
    platform       text    NOT NULL,
    official       boolean NOT NULL,
    established_on date    NULL,
    closed_on      date    NULL,
    unit           text    NOT NULL,
    province       text    NOT NULL,
    PRIMARY KEY (unit_code, channel, platform)
);
CREATE TABLE IF NOT EXISTS kpi_report (
    unit        text        NOT NULL,
    year        integer     NOT NULL,
    produced_at timestamptz NOT NULL,
    PRIMARY KEY (unit, year)
);
