package io.quantzoo.store;

import io.quantzoo.core.analytics.Metrics;
import io.quantzoo.core.sweep.Json;
import io.quantzoo.core.sweep.PointResult;
import io.quantzoo.core.sweep.ReturnStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A sweep results dataset: the points of one sweep as Parquet files in a directory, one row per
 * point with the columns of the {@code sweep_points} table (without {@code sweep_id}), plus a
 * metadata file {@value #META_FILE} with the sweep's row. Written by a distributed sweep (the Spark
 * job), read by {@link SweepStore#importParquet}. The row encoding is the store's own ({@link
 * #row}), so a point reads back exactly as a locally stored one.
 */
public final class SweepResults {
  private SweepResults() {}

  /** The metadata file in a results directory. */
  public static final String META_FILE = "_quantzoo_sweep.json";

  /** Version of the dataset layout; a reader refuses another. */
  public static final int FORMAT = 1;

  /**
   * One column of the dataset.
   *
   * @param name column name, as in {@code sweep_points}
   * @param sqlType DuckDB type: BIGINT, INTEGER, DOUBLE or VARCHAR
   * @param nullable whether the column may hold nulls
   */
  public record Column(String name, String sqlType, boolean nullable) {}

  /** The columns, in {@code sweep_points} order (without {@code sweep_id}). */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("point_index", "BIGINT", false),
          new Column("params_json", "VARCHAR", false),
          new Column("status", "VARCHAR", false),
          new Column("objective", "DOUBLE", true),
          new Column("score", "DOUBLE", true),
          new Column("trades", "INTEGER", true),
          new Column("net_profit", "DOUBLE", true),
          new Column("total_return_pct", "DOUBLE", true),
          new Column("cagr_pct", "DOUBLE", true),
          new Column("sharpe", "DOUBLE", true),
          new Column("sortino", "DOUBLE", true),
          new Column("max_drawdown_pct", "DOUBLE", true),
          new Column("profit_factor", "DOUBLE", true),
          new Column("win_rate_pct", "DOUBLE", true),
          new Column("metrics_json", "VARCHAR", true),
          new Column("ret_count", "BIGINT", true),
          new Column("ret_mean", "DOUBLE", true),
          new Column("ret_std", "DOUBLE", true),
          new Column("ret_skew", "DOUBLE", true),
          new Column("ret_kurt", "DOUBLE", true),
          new Column("block_sum", "VARCHAR", true),
          new Column("block_sumsq", "VARCHAR", true),
          new Column("block_count", "VARCHAR", true),
          new Column("message", "VARCHAR", false));

  /** The statuses a point may have. */
  public static final List<String> STATUSES = List.of("ok", "few_trades", "invalid", "failed");

  /**
   * A point as one row, in {@link #COLUMNS} order: {@code Long} for BIGINT, {@code Integer} for
   * INTEGER, {@code Double} for DOUBLE, {@code String} for VARCHAR, and null for a NaN double or a
   * value the point does not have. The store writes its own points through this, so a dataset row
   * and a stored row are equal value for value.
   */
  public static Object[] row(PointResult r) {
    Object[] v = new Object[COLUMNS.size()];
    v[0] = r.index();
    v[1] = r.point().toJson();
    v[2] = r.status().name().toLowerCase(Locale.ROOT);
    v[3] = boxed(r.objective());
    v[4] = boxed(r.score());
    Metrics m = r.metrics();
    if (m != null) {
      v[5] = m.trades();
      v[6] = boxed(m.netProfit());
      v[7] = boxed(m.totalReturnPct());
      v[8] = boxed(m.cagrPct());
      v[9] = boxed(m.sharpe());
      v[10] = boxed(m.sortino());
      v[11] = boxed(m.maxDrawdownPct());
      v[12] = boxed(m.profitFactor());
      v[13] = boxed(m.winRatePct());
      v[14] = SweepStore.metricsJson(m.asMap());
    }
    ReturnStats rs = r.returns();
    if (rs != null) {
      v[15] = rs.count();
      v[16] = boxed(rs.mean());
      v[17] = boxed(rs.std());
      v[18] = boxed(rs.skewness());
      v[19] = boxed(rs.kurtosis());
      v[20] = SweepStore.joinDoubles(rs.blockSum());
      v[21] = SweepStore.joinDoubles(rs.blockSumSq());
      v[22] = SweepStore.joinLongs(rs.blockCount());
    }
    v[23] = r.message();
    return v;
  }

  private static Double boxed(double d) {
    return Double.isNaN(d) ? null : d;
  }

  /**
   * The metadata of a results dataset: the {@code sweeps} row of the sweep it holds, less what the
   * importing store decides (id, status, times, best point, diagnostics).
   *
   * @param strategy strategy name
   * @param symbols comma-separated symbols
   * @param configYaml effective configuration
   * @param space description of the parameter space
   * @param fingerprint hash of config, data and space, as {@code qz sweep} computes it
   * @param objective objective as written
   * @param direction max or min
   * @param minTrades minimum trades to be ranked
   * @param blocks CSCV blocks
   * @param totalPoints number of valid points, which is the number of rows
   * @param method grid or random
   * @param axes the swept parameters, in axis order
   * @param topK points to show
   * @param elapsedMillis wall time of the job that produced the dataset
   * @param producer what wrote it (e.g. the Spark master and application id)
   * @param kind the kind of the sweep: {@code sweep}, or {@code walkforward} for the in-sample
   *     sweep of a walk-forward window (which {@code qz walkforward} reuses)
   */
  public record Meta(
      String strategy,
      String symbols,
      String configYaml,
      String space,
      String fingerprint,
      String objective,
      String direction,
      int minTrades,
      int blocks,
      long totalPoints,
      String method,
      List<String> axes,
      int topK,
      long elapsedMillis,
      String producer,
      String kind) {
    /** The kinds a dataset may hold. */
    public static final List<String> KINDS = List.of("sweep", "walkforward");

    public Meta {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(symbols, "symbols");
      Objects.requireNonNull(configYaml, "configYaml");
      Objects.requireNonNull(space, "space");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(objective, "objective");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(method, "method");
      axes = List.copyOf(axes);
      Objects.requireNonNull(producer, "producer");
      Objects.requireNonNull(kind, "kind");
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException("kind must be one of " + KINDS + ", was " + kind);
      }
    }

    /** The metadata of a plain sweep (kind {@code sweep}). */
    public Meta(
        String strategy,
        String symbols,
        String configYaml,
        String space,
        String fingerprint,
        String objective,
        String direction,
        int minTrades,
        int blocks,
        long totalPoints,
        String method,
        List<String> axes,
        int topK,
        long elapsedMillis,
        String producer) {
      this(
          strategy,
          symbols,
          configYaml,
          space,
          fingerprint,
          objective,
          direction,
          minTrades,
          blocks,
          totalPoints,
          method,
          axes,
          topK,
          elapsedMillis,
          producer,
          "sweep");
    }

    /** The metadata as one flat JSON object (the file's content). */
    public String toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format", FORMAT);
      m.put("kind", kind);
      m.put("strategy", strategy);
      m.put("symbols", symbols);
      m.put("space", space);
      m.put("fingerprint", fingerprint);
      m.put("objective", objective);
      m.put("direction", direction);
      m.put("min_trades", minTrades);
      m.put("blocks", blocks);
      m.put("total_points", totalPoints);
      m.put("method", method);
      m.put("axes", String.join(",", axes));
      m.put("top_k", topK);
      m.put("elapsed_ms", elapsedMillis);
      m.put("producer", producer);
      m.put("columns", String.join(",", COLUMNS.stream().map(Column::name).toList()));
      m.put("config_yaml", configYaml);
      return Json.object(m) + "\n";
    }

    /**
     * Reads {@link #toJson}'s output.
     *
     * @param source names the file in messages
     * @throws InvalidResultsException when a key is missing or has the wrong type, or the format is
     *     not {@value #FORMAT}
     */
    public static Meta parse(String json, String source) {
      Map<String, Object> m;
      try {
        m = Json.parseObject(json);
      } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
        throw new InvalidResultsException(source + ": not a JSON object: " + e.getMessage());
      }
      long format = number(m, "format", source);
      if (format != FORMAT) {
        throw new InvalidResultsException(
            source
                + ": dataset format "
                + format
                + " is not supported (this qz reads "
                + FORMAT
                + ")");
      }
      String kind = m.containsKey("kind") ? text(m, "kind", source) : "sweep";
      if (!KINDS.contains(kind)) {
        throw new InvalidResultsException(
            source + ": kind must be 'sweep' or 'walkforward', was '" + kind + "'");
      }
      String direction = text(m, "direction", source);
      if (!direction.equals("max") && !direction.equals("min")) {
        throw new InvalidResultsException(
            source + ": direction must be max or min, was '" + direction + "'");
      }
      String axes = text(m, "axes", source);
      return new Meta(
          text(m, "strategy", source),
          text(m, "symbols", source),
          text(m, "config_yaml", source),
          text(m, "space", source),
          text(m, "fingerprint", source),
          text(m, "objective", source),
          direction,
          (int) number(m, "min_trades", source),
          (int) number(m, "blocks", source),
          number(m, "total_points", source),
          text(m, "method", source),
          axes.isEmpty() ? List.of() : List.of(axes.split(",", -1)),
          (int) number(m, "top_k", source),
          number(m, "elapsed_ms", source),
          text(m, "producer", source),
          kind);
    }

    private static String text(Map<String, Object> m, String key, String source) {
      if (!(m.get(key) instanceof String s)) {
        throw new InvalidResultsException(
            source + ": key '" + key + "' must be a string, was " + m.get(key));
      }
      return s;
    }

    private static long number(Map<String, Object> m, String key, String source) {
      if (!(m.get(key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new InvalidResultsException(
            source + ": key '" + key + "' must be a whole number, was " + m.get(key));
      }
      return n.longValue();
    }
  }

  /** Reads the metadata file of a results directory. */
  public static Meta readMeta(Path dir) {
    Path f = dir.resolve(META_FILE);
    if (!Files.isDirectory(dir)) {
      throw new InvalidResultsException(dir + ": not a directory");
    }
    try {
      return Meta.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidResultsException(
          f + ": missing; a sweep results directory holds Parquet part files and this file");
    } catch (IOException e) {
      throw new InvalidResultsException(f + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The Parquet part files of a results directory, by name (hidden and {@code _} files skipped).
   */
  public static List<Path> partFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet")
                    && !n.startsWith(".")
                    && !n.startsWith("_")
                    && Files.isRegularFile(p);
              })
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new InvalidResultsException(dir + ": cannot list: " + e.getMessage());
    }
    return out;
  }

  /**
   * A results dataset that cannot be imported: missing or extra columns, wrong types, duplicate or
   * missing points, a bad metadata file. The message names the file and the problem.
   */
  public static final class InvalidResultsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidResultsException(String message) {
      super(message);
    }
  }
}
