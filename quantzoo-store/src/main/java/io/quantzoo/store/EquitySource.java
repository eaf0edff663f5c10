package io.quantzoo.store;

import io.quantzoo.core.engine.EquityCurve;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * A DuckDB table function streaming an in-memory {@link EquityCurve} straight into DuckDB vectors:
 * columns {@code idx INTEGER, time_us BIGINT, equity DOUBLE, cash DOUBLE, exposure DOUBLE}, one row
 * per point. {@link RunStore} inserts from it with {@code INSERT INTO equity SELECT ?, idx,
 * make_timestamp(time_us), ... FROM <name>()}.
 *
 * <p>Why: DuckDB's row appender spends most of its time on per-value calls (a VARCHAR run id per
 * row is the worst), whereas this fills each 2,048-row vector with plain stores, from several
 * DuckDB worker threads at once, and the insert pipeline then compresses in parallel. Rows are
 * produced in claimed 2,048-row blocks, so with several threads they may reach the table out of
 * order; readers order by {@code idx}.
 *
 * <p>The curve to stream is set with {@link #offer} just before the statement is prepared and
 * cleared with {@link #clear} after; the owning store serializes completions, so one curve is in
 * flight per function. Each store registers its own function under a name unique in this JVM, since
 * stores on the same file share one DuckDB instance (and so one function catalog).
 */
final class EquitySource implements DuckDBTableFunction<EquityCurve, AtomicInteger, Object> {
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String name = "qz_equity_source_" + COUNTER.incrementAndGet();
  private volatile EquityCurve pending;

  /** The SQL name this function is registered under: {@code qz_equity_source_<n>}. */
  String name() {
    return name;
  }

  /** Makes {@code curve} the data the next statement using this function reads. */
  void offer(EquityCurve curve) {
    pending = curve;
  }

  /** Drops the reference to the last offered curve. */
  void clear() {
    pending = null;
  }

  @Override
  public EquityCurve bind(DuckDBTableFunctionBindInfo info) {
    EquityCurve curve = pending;
    if (curve == null) {
      throw new IllegalStateException(name + " was used with no equity curve offered");
    }
    info.addResultColumn("idx", DuckDBColumnType.INTEGER)
        .addResultColumn("time_us", DuckDBColumnType.BIGINT)
        .addResultColumn("equity", DuckDBColumnType.DOUBLE)
        .addResultColumn("cash", DuckDBColumnType.DOUBLE)
        .addResultColumn("exposure", DuckDBColumnType.DOUBLE);
    info.setCardinality(curve.size(), true);
    return curve;
  }

  @Override
  public AtomicInteger init(DuckDBTableFunctionInitInfo info) {
    info.setMaxThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
    return new AtomicInteger();
  }

  @Override
  public long apply(DuckDBTableFunctionCallInfo call, DuckDBDataChunkWriter out) {
    EquityCurve curve = call.getBindData();
    AtomicInteger next = call.getInitData();
    int size = curve.size();
    int capacity = (int) out.capacity();
    int from = next.getAndAdd(capacity);
    if (from >= size || from < 0) {
      return 0;
    }
    int n = Math.min(capacity, size - from);
    long[] times = curve.timesArray();
    double[] equity = curve.equityArray();
    double[] cash = curve.cashArray();
    double[] exposure = curve.exposureArray();
    DuckDBWritableVector idx = out.vector(0);
    DuckDBWritableVector time = out.vector(1);
    DuckDBWritableVector eq = out.vector(2);
    DuckDBWritableVector ca = out.vector(3);
    DuckDBWritableVector ex = out.vector(4);
    for (int k = 0; k < n; k++) {
      int i = from + k;
      idx.setInt(k, i);
      time.setLong(k, Times.millisToMicros(times[i]));
      eq.setDouble(k, equity[i]);
      ca.setDouble(k, cash[i]);
      ex.setDouble(k, exposure[i]);
    }
    return n;
  }
}
