-- QuantZoo store, schema version 2: parameter sweeps and walk-forward analyses.
-- A sweep is written point by point in small transactions, so an interrupted sweep keeps every
-- finished point and resumes without redoing them. Status 'interrupted' marks a sweep whose
-- process ended before it completed; `qz sweep` resumes it when the same config, data and space
-- come back.

CREATE TABLE sweeps (
  sweep_id       VARCHAR   PRIMARY KEY,
  kind           VARCHAR   NOT NULL,            -- 'sweep', or 'walkforward' for an in-sample window
  parent_id      VARCHAR,                       -- the walk-forward of an in-sample sweep
  strategy       VARCHAR   NOT NULL,
  symbols        VARCHAR   NOT NULL,
  config_yaml    VARCHAR   NOT NULL,
  space          VARCHAR   NOT NULL,
  fingerprint    VARCHAR   NOT NULL,            -- config, data and space: equal means resumable
  objective      VARCHAR   NOT NULL,
  direction      VARCHAR   NOT NULL,            -- 'max' or 'min'
  min_trades     INTEGER   NOT NULL,
  blocks         INTEGER   NOT NULL,
  total_points   BIGINT    NOT NULL,
  status         VARCHAR   NOT NULL CHECK (status IN ('running', 'interrupted', 'completed', 'failed')),
  created_at     TIMESTAMP NOT NULL,
  finished_at    TIMESTAMP,
  elapsed_ms     BIGINT    NOT NULL DEFAULT 0,  -- summed over the sessions that worked on it
  best_index     BIGINT,
  best_params    VARCHAR,
  best_objective DOUBLE,
  pbo            DOUBLE,
  dsr            DOUBLE,
  summary_json   VARCHAR,
  message        VARCHAR   NOT NULL DEFAULT '',
  pid            BIGINT,
  host           VARCHAR
);

CREATE TABLE sweep_points (
  sweep_id         VARCHAR NOT NULL,
  point_index      BIGINT  NOT NULL,
  params_json      VARCHAR NOT NULL,
  status           VARCHAR NOT NULL,            -- ok, few_trades, invalid, failed
  objective        DOUBLE,
  score            DOUBLE,                      -- larger is better; -inf when undefined
  trades           INTEGER,
  net_profit       DOUBLE,
  total_return_pct DOUBLE,
  cagr_pct         DOUBLE,
  sharpe           DOUBLE,
  sortino          DOUBLE,
  max_drawdown_pct DOUBLE,
  profit_factor    DOUBLE,
  win_rate_pct     DOUBLE,
  metrics_json     VARCHAR,                     -- every metric by name
  ret_count        BIGINT,
  ret_mean         DOUBLE,
  ret_std          DOUBLE,
  ret_skew         DOUBLE,
  ret_kurt         DOUBLE,
  block_sum        VARCHAR,                     -- per CSCV block, comma separated
  block_sumsq      VARCHAR,
  block_count      VARCHAR,
  message          VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE walkforwards (
  wf_id        VARCHAR   PRIMARY KEY,
  run_id       VARCHAR,                          -- the stitched out-of-sample run in runs
  strategy     VARCHAR   NOT NULL,
  symbols      VARCHAR   NOT NULL,
  config_yaml  VARCHAR   NOT NULL,
  fingerprint  VARCHAR   NOT NULL,
  status       VARCHAR   NOT NULL CHECK (status IN ('running', 'interrupted', 'completed', 'failed')),
  created_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP,
  windows      INTEGER   NOT NULL,
  summary_json VARCHAR,
  message      VARCHAR   NOT NULL DEFAULT ''
);

CREATE TABLE walkforward_windows (
  wf_id            VARCHAR   NOT NULL,
  window_no        INTEGER   NOT NULL,
  sweep_id         VARCHAR   NOT NULL,
  warmup_from      TIMESTAMP NOT NULL,
  is_from          TIMESTAMP NOT NULL,
  is_to            TIMESTAMP NOT NULL,
  oos_from         TIMESTAMP NOT NULL,
  oos_to           TIMESTAMP NOT NULL,
  params_json      VARCHAR   NOT NULL,
  is_objective     DOUBLE,
  is_metrics_json  VARCHAR   NOT NULL,
  oos_metrics_json VARCHAR   NOT NULL
);
