package io.quantzoo.store;

import io.quantzoo.core.engine.EquityCurve;
import io.quantzoo.core.portfolio.PortfolioResult;
import io.quantzoo.core.portfolio.RebalanceEvent;
import io.quantzoo.core.portfolio.SleeveResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The portfolio tables of schema version 3 ({@code V3__portfolios.sql}): sleeves, weights over
 * time, full-period covariance and rebalances of a portfolio run. Written inside {@link
 * RunStore#completePortfolioRun}'s transaction.
 */
public final class PortfolioRows {
  private PortfolioRows() {}

  /**
   * One stored sleeve.
   *
   * @param name sleeve name
   * @param strategy strategy name
   * @param symbols comma-separated symbols
   * @param params parameters as text
   * @param pnl P&amp;L in the portfolio
   * @param contributionReturnPct P&amp;L over initial cash, percent
   * @param contributionRisk share of portfolio variance (NaN when undefined)
   * @param averageWeight time-average actual weight
   * @param finalValue value at the end
   */
  public record StoredSleeve(
      String name,
      String strategy,
      String symbols,
      String params,
      double pnl,
      double contributionReturnPct,
      double contributionRisk,
      double averageWeight,
      double finalValue) {}

  static void write(DuckDBConnection conn, String runId, PortfolioResult p) throws SQLException {
    List<SleeveResult> sleeves = p.sleeves();
    int n = sleeves.size();
    try (DuckDBAppender a =
        conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portfolio_sleeves")) {
      for (int i = 0; i < n; i++) {
        SleeveResult s = sleeves.get(i);
        a.beginRow()
            .append(runId)
            .append(i)
            .append(s.name())
            .append(s.strategy())
            .append(String.join(",", s.symbols()))
            .append(s.params())
            .append(s.pnl())
            .append(s.commission())
            .append(s.slippage())
            .append(s.contributionToReturnPct());
        nullable(a, s.contributionToRisk());
        a.append(s.averageWeight()).append(s.finalValue()).endRow();
      }
      a.flush();
    }
    EquityCurve curve = p.portfolio().equity();
    try (DuckDBAppender a =
        conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portfolio_weights")) {
      for (int t = 0; t < curve.size(); t++) {
        long micros = Times.millisToMicros(curve.timeMillis(t));
        for (int i = 0; i < n; i++) {
          a.beginRow()
              .append(runId)
              .append(t)
              .appendEpochMicros(micros)
              .append(i)
              .append(p.targetWeights()[t][i]);
          nullable(a, p.actualWeights()[t][i]);
          a.append(p.sleeveValues()[t][i]).append(p.sleeveReturns()[t][i]).endRow();
        }
      }
      a.flush();
    }
    try (DuckDBAppender a =
        conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portfolio_covariance")) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a.beginRow().append(runId).append(i).append(j);
          nullable(a, p.covariance()[i][j]);
          nullable(a, p.correlation()[i][j]);
          a.endRow();
        }
      }
      a.flush();
    }
    try (DuckDBAppender a =
        conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "portfolio_rebalances")) {
      int seq = 0;
      for (RebalanceEvent e : p.rebalances()) {
        a.beginRow()
            .append(runId)
            .append(seq++)
            .append(e.index())
            .appendEpochMicros(Times.millisToMicros(e.timeMillis()))
            .append(e.reason().dbName())
            .append(
                e.targets().stream()
                    .map(w -> String.format(Locale.ROOT, "%.10g", w))
                    .collect(Collectors.joining(",")))
            .append(e.turnover())
            .append(e.cost())
            .endRow();
      }
      a.flush();
    }
  }

  private static void nullable(DuckDBAppender a, double v) throws SQLException {
    if (Double.isNaN(v)) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  static List<StoredSleeve> readSleeves(DuckDBConnection conn, String runId) throws SQLException {
    List<StoredSleeve> out = new ArrayList<>();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT name, strategy, symbols, params, pnl, contribution_return_pct,"
                + " contribution_risk, average_weight, final_value FROM portfolio_sleeves"
                + " WHERE run_id = ? ORDER BY ordinal")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double risk = rs.getDouble(7);
          if (rs.wasNull()) {
            risk = Double.NaN;
          }
          out.add(
              new StoredSleeve(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getDouble(5),
                  rs.getDouble(6),
                  risk,
                  rs.getDouble(8),
                  rs.getDouble(9)));
        }
      }
    }
    return out;
  }
}
