package io.quantzoo.spark;

import io.quantzoo.app.Plans;
import io.quantzoo.app.config.RunPlan;
import io.quantzoo.app.sweep.Sweeps;
import io.quantzoo.core.data.DataException;
import io.quantzoo.core.engine.SymbolData;
import io.quantzoo.core.sweep.ParamSpace;
import io.quantzoo.core.sweep.SweepSpec;
import io.quantzoo.core.util.ConfigException;
import io.quantzoo.core.walkforward.WalkForwardSpec;
import io.quantzoo.core.walkforward.Window;
import io.quantzoo.core.walkforward.WindowData;
import io.quantzoo.core.walkforward.WindowPlanner;
import io.quantzoo.store.SweepResults;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code qz sweep} on Apache Spark:
 *
 * <pre>
 * spark-submit --class io.quantzoo.spark.SparkSweepJob quantzoo-spark-job.jar \
 *     -c CONFIG.yaml --out RESULTS_DIR [--partitions N] [--per-symbol] [--master URL]
 * </pre>
 *
 * <p>The driver plans the config and its {@code sweep:} section exactly as {@code qz sweep} does,
 * loads the bars once to fingerprint them, and cuts the valid points into index ranges holding
 * equal numbers of points: one task each. Every executor plans the same config text, reads the same
 * data files itself (once per JVM, {@link ExecutorCache}), checks their fingerprint against the
 * driver's, and evaluates its points with the engine's own {@code PointEvaluator}. The rows ({@link
 * SweepResults#COLUMNS}, one per point) are written as Parquet under {@code RESULTS_DIR}, with the
 * sweep's metadata in {@value SweepResults#META_FILE}; {@code qz sweep import RESULTS_DIR} stores
 * it as a completed sweep. Same config and data give the same rows as {@code qz sweep}, value for
 * value.
 *
 * <p>With {@code --per-symbol}, a config with several data sources and a single-symbol strategy is
 * swept once per symbol (as if each symbol had its own config): symbols and index ranges are both
 * tasks, and each symbol's results go to {@code RESULTS_DIR/symbol=SYMBOL/}.
 *
 * <p>With {@code --walkforward}, the job runs the in-sample sweeps of {@code qz walkforward}: the
 * driver plans the windows of the config's {@code walkforward:} section over the merged timeline as
 * {@code qz walkforward} does, windows and index ranges are both tasks, each window's points are
 * evaluated on its in-sample bars ({@link WindowData#inSample}), and window K's results go to
 * {@code RESULTS_DIR/window=K/} with metadata of kind {@code walkforward} and the fingerprint
 * {@code qz walkforward} computes for that window. After {@code qz sweep import RESULTS_DIR},
 * {@code qz walkforward} finds every in-sample sweep done and only runs the out-of-sample part.
 */
@Command(
    name = "SparkSweepJob",
    mixinStandardHelpOptions = true,
    description = {
      "Run a qz sweep on Apache Spark and write the results as Parquet (docs/SPARK.md).",
      "Import them with: qz sweep import RESULTS_DIR"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal or Spark error",
      "2:usage error",
      "3:bad data, config or output"
    })
public final class SparkSweepJob implements Callable<Integer> {
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "CONFIG.yaml",
      description = "Run configuration with a 'sweep:' section (read by the driver).")
  Path config;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "RESULTS_DIR",
      description =
          "Where the Parquet results go (a path or URI Spark can write, shared by the executors;"
              + " must not exist).")
  String out;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Tasks in all, at most one per point (default: 4 x Spark's default parallelism, the"
              + " cores granted when the job starts).")
  Integer partitions;

  @Option(
      names = "--per-symbol",
      description =
          "Sweep each data source's symbol on its own (single-symbol strategies); results go to"
              + " RESULTS_DIR/symbol=SYMBOL/.")
  boolean perSymbol;

  @Option(
      names = "--walkforward",
      description =
          "Run the in-sample sweeps of the config's walk-forward (its 'walkforward:' section), one"
              + " per window; results go to RESULTS_DIR/window=K/ (kind walkforward), which qz"
              + " walkforward reuses after qz sweep import RESULTS_DIR.")
  boolean walkForward;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master when not set by spark-submit, e.g. local[2].")
  String master;

  private PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

  /**
   * What to run.
   *
   * @param config the config file
   * @param out the results directory (path or URI)
   * @param partitions tasks in all, or 0 for the default
   * @param perSymbol one sweep per symbol
   * @param walkForward one in-sample sweep per walk-forward window
   */
  public record Options(
      Path config, String out, int partitions, boolean perSymbol, boolean walkForward) {
    /** Options of a plain or per-symbol sweep. */
    public Options(Path config, String out, int partitions, boolean perSymbol) {
      this(config, out, partitions, perSymbol, false);
    }
  }

  /**
   * One written results dataset.
   *
   * @param dir its directory (path or URI)
   * @param meta its metadata
   */
  public record Written(String dir, SweepResults.Meta meta) {}

  /**
   * What a job did.
   *
   * @param datasets the datasets written: one, one per symbol, or one per walk-forward window
   * @param tasks Spark tasks run
   * @param planMillis time the driver spent planning and loading the data
   * @param sparkMillis time of the Spark job (evaluating the points and writing the Parquet files)
   */
  public record Result(List<Written> datasets, int tasks, long planMillis, long sparkMillis) {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses the arguments and runs the job in a new or the active Spark session. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    SparkSweepJob job = new SparkSweepJob();
    job.log = out;
    CommandLine cmd = new CommandLine(job);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, err));
    return cmd.execute(args);
  }

  static int report(Exception ex, PrintWriter err) {
    int code;
    switch (ex) {
      case ConfigException ce -> {
        err.println("error: bad config: " + ce.getMessage());
        code = BAD_INPUT;
      }
      case DataException de -> {
        err.println("error: bad data: " + de.getMessage());
        code = BAD_INPUT;
      }
      case OutputExistsException oe -> {
        err.println("error: " + oe.getMessage());
        code = BAD_INPUT;
      }
      default -> {
        err.println("error: " + ex);
        ex.printStackTrace(err);
        code = 1;
      }
    }
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    if (partitions != null && partitions < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--partitions must be >= 1, was " + partitions);
    }
    if (perSymbol && walkForward) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--per-symbol and --walkforward cannot be combined");
    }
    SparkSession.Builder b = SparkSession.builder().appName("quantzoo-sweep");
    if (master != null) {
      b.master(master);
      if (master.startsWith("local")) {
        b.config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = b.getOrCreate();
    try {
      run(
          spark,
          new Options(config, out, partitions == null ? 0 : partitions, perSymbol, walkForward),
          log);
    } finally {
      if (ours) {
        spark.stop();
      }
    }
    return 0;
  }

  /**
   * Runs a sweep job in a Spark session.
   *
   * @param log receives a few lines of progress and the summary
   */
  public static Result run(SparkSession spark, Options o, PrintWriter log) {
    long t0 = System.nanoTime();
    String yaml;
    try {
      yaml = Files.readString(o.config(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + o.config());
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + o.config() + ": " + e);
    }
    Path configDir = o.config().toAbsolutePath().normalize().getParent();
    Path home = Plans.home();
    LoadedSweep driver = LoadedSweep.load(yaml, o.config().toString(), configDir, home, null);
    driver.notes().forEach(n -> log.println("note: " + n));
    SweepSpec spec = driver.spec();
    ParamSpace space = spec.space();
    long total = space.countValid();
    if (total == 0) {
      throw new ConfigException(
          "sweep.constraints", "no point of the space satisfies the constraints");
    }
    if (o.perSymbol() && driver.data().size() < 2) {
      throw new ConfigException(
          "data", "--per-symbol needs a config with several symbols; this one has one");
    }

    if (o.perSymbol() && o.walkForward()) {
      throw new ConfigException("", "--per-symbol and --walkforward cannot be combined");
    }
    String partitionColumn = o.perSymbol() ? "symbol" : o.walkForward() ? "window" : null;
    List<SweepJobSpec.Group> groups = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    if (o.walkForward()) {
      long[] t = WindowData.timeline(driver.data());
      for (Window w : windows(driver.plan(), t)) {
        List<SymbolData> is = WindowData.inSample(driver.data(), t, w);
        groups.add(
            new SweepJobSpec.Group(
                -1,
                Sweeps.symbols(is),
                Sweeps.fingerprint(driver.plan(), spec, is),
                t[w.isFrom()],
                t[w.isTo() - 1]));
        dirs.add(Integer.toString(w.index()));
      }
    } else if (o.perSymbol()) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < driver.data().size(); i++) {
        List<SymbolData> d = driver.groupData(i);
        String symbol = d.get(0).instrument().symbol();
        groups.add(
            new SweepJobSpec.Group(
                i, Sweeps.symbols(d), Sweeps.fingerprint(driver.plan(), spec, d)));
        String value = safe(symbol);
        if (!seen.add(value)) {
          throw new ConfigException(
              "data", "--per-symbol: two data sources have the symbol " + value);
        }
        dirs.add(value);
      }
    } else {
      groups.add(
          new SweepJobSpec.Group(
              -1,
              Sweeps.symbols(driver.data()),
              Sweeps.fingerprint(driver.plan(), spec, driver.data())));
    }
    SweepJobSpec job =
        new SweepJobSpec(
            yaml,
            o.config().toString(),
            configDir.toString(),
            home == null ? null : home.toString(),
            driver.absoluteDataPaths(),
            groups);

    if (exists(spark, o.out())) {
      throw new OutputExistsException(o.out() + " already exists; give a new --out directory");
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int wanted = o.partitions() > 0 ? o.partitions() : Math.max(1, 4 * jsc.defaultParallelism());
    int perGroup = (int) Math.min(total, Math.max(1, Math.ceilDiv(wanted, groups.size())));
    String kind = o.walkForward() ? "walkforward" : "sweep";
    List<IndexRange> base = ranges(space, total, perGroup);
    List<IndexRange> tasks = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      for (IndexRange r : base) {
        tasks.add(new IndexRange(g, r.from(), r.to(), r.points()));
      }
    }
    long planMillis = (System.nanoTime() - t0) / 1_000_000;
    log.printf(
        Locale.ROOT,
        "spark sweep: %s on %s, %s, %d point(s)%s in %d task(s) on %s%n",
        driver.plan().strategy().name(),
        Sweeps.symbols(driver.data()),
        space.method().name().toLowerCase(Locale.ROOT),
        total,
        o.perSymbol()
            ? " per symbol, " + groups.size() + " symbols,"
            : o.walkForward() ? " per window, " + groups.size() + " walk-forward windows," : "",
        tasks.size(),
        spark.sparkContext().master());

    long t1 = System.nanoTime();
    JavaRDD<Row> rows =
        jsc.parallelize(tasks, tasks.size())
            .mapPartitions(new EvaluateRanges(job, partitionColumn != null ? dirs : null));
    var frame = spark.createDataFrame(rows, schema(partitionColumn));
    var writer = frame.write().mode(SaveMode.ErrorIfExists);
    if (partitionColumn != null) {
      writer = writer.partitionBy(partitionColumn);
    }
    writer.parquet(o.out());
    long sparkMillis = (System.nanoTime() - t1) / 1_000_000;
    long elapsed = (System.nanoTime() - t0) / 1_000_000;

    String producer =
        "spark "
            + spark.version()
            + " "
            + spark.sparkContext().master()
            + " app "
            + spark.sparkContext().applicationId()
            + ", "
            + tasks.size()
            + " task(s)";
    List<Written> written = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      String dir =
          partitionColumn != null ? o.out() + "/" + partitionColumn + "=" + dirs.get(g) : o.out();
      SweepResults.Meta meta =
          new SweepResults.Meta(
              driver.plan().strategy().name(),
              groups.get(g).symbols(),
              driver.plan().effectiveYaml(),
              space.describe(),
              groups.get(g).fingerprint(),
              spec.objective().text(),
              spec.objective().maximize() ? "max" : "min",
              spec.minTrades(),
              spec.blocks(),
              total,
              space.method().name().toLowerCase(Locale.ROOT),
              space.axes().stream().map(a -> a.name()).toList(),
              spec.topK(),
              elapsed,
              producer,
              kind);
      writeMeta(spark, dir, meta);
      written.add(new Written(dir, meta));
    }
    log.printf(
        Locale.ROOT,
        "done in %.1f s (planning and loading on the driver %.1f s, Spark job %.1f s)%n",
        (System.nanoTime() - t0) / 1e9,
        planMillis / 1000.0,
        sparkMillis / 1000.0);
    for (Written w : written) {
      log.println("results: " + w.dir() + "   import: qz sweep import " + w.dir());
    }
    log.flush();
    return new Result(written, tasks.size(), planMillis, sparkMillis);
  }

  /**
   * Cuts the valid points of {@code space} into {@code parts} ranges of consecutive indices holding
   * equal numbers of points (within one).
   */
  static List<IndexRange> ranges(ParamSpace space, long total, int parts) {
    long upper = space.upperBound();
    List<IndexRange> out = new ArrayList<>();
    boolean allValid = space.method() == ParamSpace.Method.RANDOM || space.constraints().isEmpty();
    long from = 0;
    long i = 0;
    for (int k = 0; k < parts; k++) {
      long want = (k + 1) * total / parts - k * total / parts;
      if (allValid) {
        i = from + want;
      } else {
        long got = 0;
        while (got < want && i < upper) {
          if (space.at(i) != null) {
            got++;
          }
          i++;
        }
      }
      long to = k == parts - 1 ? upper : i;
      out.add(new IndexRange(0, from, to, want));
      from = to;
      i = to;
    }
    return out;
  }

  static StructType schema(String partitionColumn) {
    List<StructField> fields = new ArrayList<>();
    for (SweepResults.Column c : SweepResults.COLUMNS) {
      DataType t =
          switch (c.sqlType()) {
            case "BIGINT" -> DataTypes.LongType;
            case "INTEGER" -> DataTypes.IntegerType;
            case "DOUBLE" -> DataTypes.DoubleType;
            case "VARCHAR" -> DataTypes.StringType;
            default -> throw new IllegalStateException("unmapped type " + c.sqlType());
          };
      fields.add(DataTypes.createStructField(c.name(), t, c.nullable()));
    }
    if (partitionColumn != null) {
      fields.add(DataTypes.createStructField(partitionColumn, DataTypes.StringType, false));
    }
    return DataTypes.createStructType(fields);
  }

  /** The walk-forward windows of the driver's config, planned as {@code qz walkforward} does. */
  static List<Window> windows(RunPlan plan, long[] timeline) {
    WalkForwardSpec wf = WalkForwardSpec.fromMap(plan.walkforward());
    List<Window> windows = WindowPlanner.plan(timeline, wf);
    if (windows.isEmpty()) {
      throw new ConfigException(
          "walkforward",
          "the data ("
              + timeline.length
              + " bar times) is too short for one window of in_sample "
              + wf.inSample()
              + " + out_of_sample "
              + wf.outOfSample()
              + " "
              + wf.unit().name().toLowerCase(Locale.ROOT));
    }
    return windows;
  }

  /** A symbol as a directory name: letters, digits, dot, dash and underscore kept. */
  static String safe(String symbol) {
    StringBuilder b = new StringBuilder();
    for (char c : symbol.toCharArray()) {
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_';
      b.append(keep ? c : '_');
    }
    return b.toString();
  }

  private static boolean exists(SparkSession spark, String dir) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + p + ": " + e.getMessage(), e);
    }
  }

  private static void writeMeta(SparkSession spark, String dir, SweepResults.Meta meta) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir, SweepResults.META_FILE);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setWriteChecksum(false);
      try (OutputStream os = fs.create(p, false)) {
        os.write(meta.toJson().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p + ": " + e.getMessage(), e);
    }
  }

  /** The output directory exists already. */
  static final class OutputExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputExistsException(String message) {
      super(message);
    }
  }
}
