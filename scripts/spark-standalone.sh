#!/usr/bin/env bash
# A real (if small) Spark cluster on this machine, on loopback: a standalone master and one worker
# with two single-core executors, each a JVM of its own, built from the Spark jars in ~/.m2 (no
# Spark installation needed). Submits the job jar to it with the config given (default: the
# bundled sma_cross sweep), then checks that the results equal a local[2] run of the same config,
# row for row, and that `qz sweep import` takes them. Takes a minute or two; not part of the
# tests (docs/SPARK.md).
#   scripts/spark-standalone.sh [CONFIG.yaml]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
. scripts/java.sh
qz_find_java
JAVA="$JAVA_HOME/bin/java"
CFG="$(cd "$(dirname "${1:-configs/sweep_sma_cross.yaml}")" && pwd)/$(basename "${1:-configs/sweep_sma_cross.yaml}")"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true -pl quantzoo-cli,quantzoo-spark -am package
TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
./mvnw -B -q -o dependency:build-classpath -pl quantzoo-spark -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$TMP/cp.txt" > /dev/null
# A Spark "installation": jars/ with Spark's own jars (ours travel in the job jar) and RELEASE.
export SPARK_HOME="$TMP/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars" "$TMP/work"
echo "Spark from the Maven repository (scripts/spark-standalone.sh)" > "$SPARK_HOME/RELEASE"
tr ':' '\n' < "$TMP/cp.txt" | grep -v -E 'quantzoo|duckdb|picocli|xchart' \
  | while read -r j; do ln -s "$j" "$SPARK_HOME/jars/"; done
SPARK=("$JAVA" -Xmx1g -cp "$SPARK_HOME/jars/*")

"${SPARK[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 \
  > "$TMP/master.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do
  URL="$(sed -n 's/.*Starting Spark master at \(spark:[^ ]*\).*/\1/p' "$TMP/master.log")"
  [ -n "$URL" ] && grep -q "I have been elected leader" "$TMP/master.log" && break
  sleep 1
done
[ -n "$URL" ] || { cat "$TMP/master.log"; echo "spark-standalone: no master" >&2; exit 1; }
"${SPARK[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 3g \
  --webui-port 0 --work-dir "$TMP/work" "$URL" > "$TMP/worker.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do grep -q "Successfully registered with master" "$TMP/worker.log" && break; sleep 1; done
echo "== cluster: $URL, one worker, two executors of one core"

submit() { # MASTER OUT
  "${SPARK[@]}" org.apache.spark.deploy.SparkSubmit --master "$1" \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 --conf spark.executor.cores=1 \
    --total-executor-cores 2 --executor-memory 1g \
    --class io.quantzoo.spark.SparkSweepJob quantzoo-spark/target/quantzoo-spark-job.jar \
    -c "$CFG" --out "$2" 2> "$2.log"
}
submit "$URL" "$TMP/cluster"
echo "== executors (JVM, tasks run):"
for d in "$TMP"/work/app-*/*/; do
  echo "   executor $(basename "$d"): $(grep -c 'Finished task' "$d/stderr") task(s)"
done
submit 'local[2]' "$TMP/local"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(tr ':' '\n' < "$TMP/cp.txt" | grep duckdb_jdbc)" \
  scripts/SameRows.java "$TMP/cluster" "$TMP/local"
./qz sweep import "$TMP/cluster" --db "$TMP/qz.duckdb" > "$TMP/import.txt"
head -8 "$TMP/import.txt"
