package io.quantzoo.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything rankable in a store: completed runs of every kind (backtests, walk-forward stitched
 * runs, portfolios) with their metrics, and completed sweeps with the metrics of their best point.
 */
public final class Leaderboard {
  private Leaderboard() {}

  /**
   * One rankable entry.
   *
   * @param kind run kind ({@code backtest}, {@code walkforward}, {@code portfolio}, ...) or {@code
   *     sweep}
   * @param id run or sweep id
   * @param strategy strategy name
   * @param symbols symbols
   * @param createdAt creation time
   * @param detail extra text (a sweep's best parameters)
   * @param metrics metrics by name (NaN when undefined)
   */
  public record Entry(
      String kind,
      String id,
      String strategy,
      String symbols,
      Instant createdAt,
      String detail,
      Map<String, Double> metrics) {}

  /** Every completed run and sweep, oldest first. */
  public static List<Entry> entries(RunStore store) {
    synchronized (store) {
      List<Entry> out = new ArrayList<>();
      Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
      try (PreparedStatement ps =
              store
                  .connection()
                  .prepareStatement(
                      "SELECT m.run_id, m.name, m.value FROM metrics m JOIN runs r USING (run_id)"
                          + " WHERE r.status = 'completed' ORDER BY m.run_id, m.ordinal");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double v = rs.getDouble(3);
          metrics
              .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.wasNull() ? Double.NaN : v);
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read metrics: " + e.getMessage(), e);
      }
      try (PreparedStatement ps =
              store
                  .connection()
                  .prepareStatement(
                      "SELECT run_id, kind, strategy, symbols, epoch_us(created_at) FROM runs"
                          + " WHERE status = 'completed' ORDER BY created_at, run_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          out.add(
              new Entry(
                  rs.getString(2),
                  id,
                  rs.getString(3),
                  rs.getString(4),
                  Times.fromMicros(rs.getLong(5)),
                  "",
                  metrics.getOrDefault(id, Map.of())));
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read runs: " + e.getMessage(), e);
      }
      try (PreparedStatement ps =
              store
                  .connection()
                  .prepareStatement(
                      "SELECT s.sweep_id, s.strategy, s.symbols, epoch_us(s.created_at),"
                          + " s.best_params, p.metrics_json FROM sweeps s JOIN sweep_points p"
                          + " ON p.sweep_id = s.sweep_id AND p.point_index = s.best_index"
                          + " WHERE s.status = 'completed' AND s.kind = 'sweep'"
                          + " ORDER BY s.created_at, s.sweep_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String mj = rs.getString(6);
          out.add(
              new Entry(
                  "sweep",
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  Times.fromMicros(rs.getLong(4)),
                  "best " + rs.getString(5),
                  mj == null ? Map.of() : SweepStore.parseMetrics(mj)));
        }
      } catch (SQLException e) {
        throw new StoreException("cannot read sweeps: " + e.getMessage(), e);
      }
      return out;
    }
  }
}
