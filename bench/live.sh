#!/usr/bin/env bash
# The live path measured (docs/BENCHMARKS.md, "Paper trading"): replay throughput of sma_cross on
# 1M seeded synthetic bars through ReplayFeed (max) + trading core + paper venue + ledger + the
# session journal on disk (intents to the OS, and with an fsync per intent), bar-arrival -> paper
# fill latency p50/p99, and the durable writes alone. Not part of the tests.
#   bench/live.sh [BARS]      (default 1,000,000)
# The journals go to a temporary directory under $TMPDIR (fsync figures depend on its disk).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
. scripts/java.sh
qz_find_java
JAVA="$JAVA_HOME/bin/java"
echo "== building (JDK $JAVA_HOME)"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -pl quantzoo-bench -am package
CP="$(ls quantzoo-bench/target/quantzoo-bench-*.jar | head -1):quantzoo-bench/target/lib/*"
echo "== live path: sma_cross 10/30 on ${1:-1000000} synthetic bars"
"$JAVA" -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn600m -cp "$CP" io.quantzoo.bench.LiveBenchmark "${1:-1000000}"
"$JAVA" -version 2>&1 | head -1 | sed 's/^/   java: /'
