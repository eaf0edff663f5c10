-- QuantZoo store, schema version 3: portfolios (qz portfolio, docs/PORTFOLIOS.md).
-- A portfolio run is a runs row with kind 'portfolio' and, like any run, its trades, fills,
-- equity and metrics; these tables add its sleeves, weights over time, the full-period
-- covariance/correlation of the sleeves' returns and its rebalances. They are written in the
-- same transaction that marks the run completed. NaN (undefined) is stored as NULL.

CREATE TABLE portfolio_sleeves (
  run_id                  VARCHAR NOT NULL,
  ordinal                 INTEGER NOT NULL, -- config order, from 0
  name                    VARCHAR NOT NULL,
  strategy                VARCHAR NOT NULL,
  symbols                 VARCHAR NOT NULL, -- comma-separated
  params                  VARCHAR NOT NULL,
  pnl                     DOUBLE  NOT NULL,
  commission              DOUBLE  NOT NULL,
  slippage                DOUBLE  NOT NULL,
  contribution_return_pct DOUBLE  NOT NULL, -- pnl / initial cash × 100; sums to the total return
  contribution_risk       DOUBLE,           -- share of portfolio variance; sums to 1
  average_weight          DOUBLE  NOT NULL,
  final_value             DOUBLE  NOT NULL
);

CREATE TABLE portfolio_weights (
  run_id        VARCHAR   NOT NULL,
  idx           INTEGER   NOT NULL, -- equity point (bar of the merged clock)
  time          TIMESTAMP NOT NULL,
  sleeve        INTEGER   NOT NULL, -- portfolio_sleeves.ordinal
  target_weight DOUBLE    NOT NULL,
  actual_weight DOUBLE,
  value         DOUBLE    NOT NULL,
  sleeve_return DOUBLE    NOT NULL  -- the sleeve's own return on this bar
);

CREATE TABLE portfolio_covariance (
  run_id      VARCHAR NOT NULL,
  row_sleeve  INTEGER NOT NULL,
  col_sleeve  INTEGER NOT NULL,
  covariance  DOUBLE,
  correlation DOUBLE
);

CREATE TABLE portfolio_rebalances (
  run_id   VARCHAR   NOT NULL,
  seq      INTEGER   NOT NULL, -- 0 is the initial allocation
  idx      INTEGER   NOT NULL, -- bar whose close decided it, -1 for the initial allocation
  time     TIMESTAMP NOT NULL,
  reason   VARCHAR   NOT NULL, -- initial, schedule or drift
  targets  VARCHAR   NOT NULL, -- target weights in sleeve order, comma-separated
  turnover DOUBLE    NOT NULL,
  cost     DOUBLE    NOT NULL
);
