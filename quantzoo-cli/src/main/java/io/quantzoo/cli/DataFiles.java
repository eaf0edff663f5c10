package io.quantzoo.cli;

import io.quantzoo.cli.config.RunPlan;
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
final class DataFiles {
  private DataFiles() {}

  static LoadResult load(RunPlan.Source s) {
    return load(s.path(), s.parquet(), options(s.zone(), s.symbol(), s.dropBadRows()));
  }

  static LoadResult load(Path path, boolean parquet, LoadOptions opts) {
    if (!Files.isRegularFile(path)) {
      throw new DataException(
          new DataProblem(path.toString(), 0, "", "data file not found or not a file", ""));
    }
    return parquet ? ParquetBarLoader.load(path, opts) : CsvBarLoader.load(path, opts);
  }

  static boolean isParquet(Path path) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  static LoadOptions options(ZoneId zone, String symbol, boolean drop) {
    LoadOptions o = LoadOptions.defaults().withZone(zone).withDropBadRows(drop);
    return symbol == null ? o : o.withSymbol(symbol);
  }
}
