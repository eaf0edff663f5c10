#!/usr/bin/env bash
# Spark local-mode overhead: the same sweep run in-process by ./qz sweep and by the Spark job in
# local[2] through SparkSubmit (what spark-submit runs), wall time of each whole process, 3 runs
# each: a 100-point sma_cross grid on 1M synthetic bars (Parquet), then the bundled 90-point
# sweep on the real BTC-USD 4h bars (20,695, CSV). Not part of the tests.
# Figures and method: docs/SPARK.md. Needs the Spark jars in ~/.m2 (a first build resolves them).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
. scripts/java.sh
qz_find_java
JAVA="$JAVA_HOME/bin/java"
RUNS="${RUNS:-3}"
echo "== building (JDK $JAVA_HOME)"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -pl quantzoo-cli,quantzoo-spark,quantzoo-bench -am package
mkdir -p bench/out
# Spark's own jars, as a Spark installation would supply them (our jars come in the job jar).
./mvnw -B -q -o dependency:build-classpath -pl quantzoo-spark -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$HERE/bench/out/spark-cp.txt" > /dev/null
SPARK_CP="$(tr ':' '\n' < bench/out/spark-cp.txt | grep -v -E 'quantzoo|duckdb|picocli|xchart' | paste -sd:)"
DUCKDB_JAR="$(tr ':' '\n' < bench/out/spark-cp.txt | grep duckdb_jdbc | head -1)"
if [ ! -f bench/out/bars-1m.csv ]; then
  echo "== generating bench/out/bars-1m.csv (1,000,000 seeded synthetic bars, seed 42)"
  "$JAVA" -cp "$(ls quantzoo-bench/target/quantzoo-bench-*.jar | head -1):quantzoo-bench/target/lib/*" \
    io.quantzoo.bench.SyntheticBars 1000000 42 bench/out/bars-1m.csv
fi
if [ ! -f bench/out/bars-1m.parquet ]; then
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$DUCKDB_JAR" bench/ToParquet.java \
    bench/out/bars-1m.csv bench/out/bars-1m.parquet
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
nproc | sed 's/^/   cores: /'
uptime | sed 's/^/   load:/'

measure() { # CONFIG NAME
  local cfg="$1" n="$2" i
  echo "== $n, in-process: ./qz sweep --threads 2 (as shipped: C2, parallel GC)"
  ./qz sweep -c "$cfg" --json --db "$TMP/warm.duckdb" > /dev/null # warm-up: CDS archive
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "   run $i: wall %e s" ./qz sweep -c "$cfg" --json --fresh --threads 2 \
      --db "$TMP/$n-qz-$i.duckdb" > "$TMP/$n-qz-$i.json"
    sed -n 's/.*"elapsed_ms":\([0-9]*\).*/     (sweep itself: \1 ms)/p' "$TMP/$n-qz-$i.json"
  done
  echo "== $n, Spark local[2]: SparkSubmit --class io.quantzoo.spark.SparkSweepJob (default 8 tasks)"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -o "$TMP/time" -f "   run $i: wall %e s" "$JAVA" -Xmx2g -cp "$SPARK_CP" \
      org.apache.spark.deploy.SparkSubmit --master 'local[2]' --conf spark.ui.enabled=false \
      --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
      --class io.quantzoo.spark.SparkSweepJob quantzoo-spark/target/quantzoo-spark-job.jar \
      -c "$cfg" --out "$TMP/$n-spark-$i" 2> "$TMP/$n-spark-$i.log" > "$TMP/$n-spark-$i.out"
    cat "$TMP/time"
    sed -n 's/^done in \(.*\)/     (job: \1)/p' "$TMP/$n-spark-$i.out"
  done
  ./qz sweep import "$TMP/$n-spark-1" --db "$TMP/$n-imported.duckdb" --json > "$TMP/$n-imported.json"
  local a b
  a="$(sed 's/.*"top":\(.*\)}$/\1/' "$TMP/$n-imported.json")"
  b="$(sed 's/.*"top":\(.*\),"reports".*/\1/' "$TMP/$n-qz-1.json")"
  [ "$a" = "$b" ] && echo "== $n: the imported Spark top K equals the in-process top K" \
    || { echo "== $n: MISMATCH between the Spark and the in-process top K" >&2; exit 1; }
}

measure bench/sweep_sma_cross_1m.yaml 1m-bars-100-points
measure configs/sweep_sma_cross.yaml btc-4h-90-points
