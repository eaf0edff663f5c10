#!/usr/bin/env bash
# Benchmarks: prints engine throughput (bars/s, JMH) and the whole `qz run --json` process on a
# seeded 1M-bar CSV (wall time and peak RSS). Not part of the tests.
#   bench/run.sh           full JMH settings (about 3 minutes)
#   QUICK=1 bench/run.sh   shorter JMH run
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
. scripts/java.sh
qz_find_java
JAVA="$JAVA_HOME/bin/java"
echo "== building (JDK $JAVA_HOME)"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -pl quantzoo-cli,quantzoo-bench -am package
CP="$(ls quantzoo-bench/target/quantzoo-bench-*.jar | head -1):quantzoo-bench/target/lib/*"
mkdir -p bench/out
CSV=bench/out/bars-1m.csv
if [ ! -f "$CSV" ]; then
  echo "== generating $CSV (1,000,000 seeded synthetic bars, seed 42)"
  "$JAVA" -cp "$CP" io.quantzoo.bench.SyntheticBars 1000000 42 "$CSV"
fi
ls -l "$CSV" | awk '{printf "   %s: %.1f MB\n", $9, $5/1e6}'

echo "== engine throughput: sma_cross and mnq808 on 1M synthetic bars (JMH; score = bars per second)"
if [ -n "${QUICK:-}" ]; then JMH_ARGS=(-wi 2 -w 1 -i 3 -r 1 -f 1); else JMH_ARGS=(); fi
"$JAVA" -cp "$CP" org.openjdk.jmh.Main EngineBenchmark "${JMH_ARGS[@]}" -rf json -rff bench/out/jmh.json \
  | grep -E '^(Benchmark|EngineBenchmark)'

echo "== indicator throughput, default parameters, 1M bars (JMH; score = bars per second)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main IndicatorBenchmark -rf json -rff bench/out/jmh-indicators.json \
  | grep -E '^(Benchmark|IndicatorBenchmark)'

echo "== sweep throughput: 16-point sma_cross grid on 1M bars, 1 and 2 threads (JMH; score = backtests per second)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main SweepBenchmark "${JMH_ARGS[@]}" -rf json -rff bench/out/jmh-sweep.json \
  | grep -E '^(Benchmark|SweepBenchmark)'

echo "== whole process: ./qz run -c bench/sma_cross_1m.yaml --json (1M bars, CSV parse + backtest + DuckDB store)"
DB="$(mktemp -d)/bench.duckdb"
./qz run -c bench/sma_cross_1m.yaml --json --db "$DB" > /dev/null # warm-up: creates the CDS archive
for i in 1 2 3; do
  /usr/bin/time -f "   run $i: wall %e s, peak RSS %M KB" \
    ./qz run -c bench/sma_cross_1m.yaml --json --db "$DB" > bench/out/run-$i.json
done
"$JAVA" -version 2>&1 | head -1 | sed 's/^/   java: /'
echo "   result: $(head -c 300 bench/out/run-1.json)..."
rm -rf "$(dirname "$DB")"
