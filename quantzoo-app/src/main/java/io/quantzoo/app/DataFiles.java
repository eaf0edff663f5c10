package io.quantzoo.app;

import io.quantzoo.app.config.RunPlan;
import io.quantzoo.core.data.CsvBarLoader;
import io.quantzoo.core.data.DataException;
import io.quantzoo.core.data.DataProblem;
import io.quantzoo.core.data.LoadOptions;
import io.quantzoo.core.data.LoadResult;
import io.quantzoo.store.ParquetBarLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/** Loads bar data by format: CSV with the core loader, Parquet through DuckDB. */
public final class DataFiles {
  private DataFiles() {}

  /** Loads one planned data source. */
  public static LoadResult load(RunPlan.Source s) {
    return load(s.path(), s.parquet(), options(s.zone(), s.symbol(), s.dropBadRows()));
  }

  /**
   * Loads {@code path} as Parquet or CSV.
   *
   * @throws io.quantzoo.core.data.DataException if the file is missing or its data is refused
   */
  public static LoadResult load(Path path, boolean parquet, LoadOptions opts) {
    if (!Files.isRegularFile(path)) {
      throw new DataException(
          new DataProblem(path.toString(), 0, "", "data file not found or not a file", ""));
    }
    return parquet ? ParquetBarLoader.load(path, opts) : CsvBarLoader.load(path, opts);
  }

  /** Whether {@code path} names a Parquet file (by its extension). */
  public static boolean isParquet(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /** Load options: the time zone of naive times, the symbol (or null), drop bad rows or refuse. */
  public static LoadOptions options(ZoneId zone, String symbol, boolean drop) {
    LoadOptions o = LoadOptions.defaults().withZone(zone).withDropBadRows(drop);
    return symbol == null ? o : o.withSymbol(symbol);
  }
}
