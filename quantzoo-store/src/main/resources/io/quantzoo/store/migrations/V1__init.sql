-- QuantZoo store, schema version 1.
-- Every time is a TIMESTAMP holding UTC (no time zone is ever applied).
-- Enumerations are stored lower case: status running/completed/failed, direction long/short,
-- side buy/sell. direction and side carry no CHECK constraint: with driver 2.0.0.1 a
-- bulk append of ~38k mixed rows failed that check spuriously (values come from Java enums).
-- Child tables carry no index: each run's rows are written together, so DuckDB's
-- min/max zone maps on run_id prune them well, and bulk inserts stay fast.

CREATE TABLE runs (
  run_id             VARCHAR   PRIMARY KEY,
  kind               VARCHAR   NOT NULL,
  strategy           VARCHAR   NOT NULL,
  symbols            VARCHAR   NOT NULL,
  config_yaml        VARCHAR   NOT NULL,
  seed               BIGINT    NOT NULL,
  data_fingerprint   VARCHAR   NOT NULL,
  engine_version     VARCHAR   NOT NULL,
  status             VARCHAR   NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  created_at         TIMESTAMP NOT NULL,
  finished_at        TIMESTAMP,
  elapsed_ms         BIGINT,
  message            VARCHAR   NOT NULL DEFAULT '',
  pid                BIGINT,
  host               VARCHAR,
  process_started_at TIMESTAMP
);

CREATE TABLE trades (
  run_id       VARCHAR   NOT NULL,
  trade_id     BIGINT    NOT NULL,
  symbol       VARCHAR   NOT NULL,
  direction    VARCHAR   NOT NULL, -- 'long' or 'short' (from a Java enum)
  quantity     DOUBLE    NOT NULL CHECK (quantity > 0),
  entry_time   TIMESTAMP NOT NULL,
  exit_time    TIMESTAMP NOT NULL,
  entry_price  DOUBLE    NOT NULL,
  exit_price   DOUBLE    NOT NULL,
  gross_pnl    DOUBLE    NOT NULL,
  commission   DOUBLE    NOT NULL,
  slippage     DOUBLE    NOT NULL,
  net_pnl      DOUBLE    NOT NULL,
  return_pct   DOUBLE    NOT NULL,
  bars_held    INTEGER   NOT NULL,
  mae          DOUBLE    NOT NULL,
  mfe          DOUBLE    NOT NULL,
  entry_reason VARCHAR   NOT NULL,
  exit_reason  VARCHAR   NOT NULL
);

CREATE TABLE fills (
  run_id        VARCHAR   NOT NULL,
  fill_id       BIGINT    NOT NULL,
  order_id      BIGINT    NOT NULL,
  symbol        VARCHAR   NOT NULL,
  time          TIMESTAMP NOT NULL,
  bar_index     INTEGER   NOT NULL,
  side          VARCHAR   NOT NULL, -- 'buy' or 'sell' (from a Java enum)
  quantity      DOUBLE    NOT NULL CHECK (quantity > 0),
  price         DOUBLE    NOT NULL,
  commission    DOUBLE    NOT NULL,
  slippage_cost DOUBLE    NOT NULL,
  tag           VARCHAR   NOT NULL
);

CREATE TABLE equity (
  run_id   VARCHAR   NOT NULL,
  idx      INTEGER   NOT NULL,
  time     TIMESTAMP NOT NULL,
  equity   DOUBLE    NOT NULL,
  cash     DOUBLE    NOT NULL,
  exposure DOUBLE    NOT NULL
);

CREATE TABLE metrics (
  run_id  VARCHAR NOT NULL,
  ordinal INTEGER NOT NULL,
  name    VARCHAR NOT NULL,
  value   DOUBLE
);
