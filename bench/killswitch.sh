#!/usr/bin/env bash
# Kill-switch propagation between two processes (docs/SAFETY-STATE.md; goal <= 10 ms): this process
# activates/deactivates the kill switch in a FileTradingStateStore, a watcher JVM reads
# tradingState() in a tight loop and reports when it saw each change, on the shared wall clock.
# Prints p50/p99/max of call->seen, write-return->seen and the durable write alone, and the cost
# of one cheap read. Not part of the tests.
#   bench/killswitch.sh [CHANGES]   (default 200)
# The state goes to a temporary directory under $TMPDIR (the fsyncs depend on its disk).
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
"$JAVA" -XX:+UseSerialGC -cp "$CP" io.quantzoo.bench.KillSwitchBenchmark "${1:-200}"
"$JAVA" -version 2>&1 | head -1 | sed 's/^/   java: /'
echo "   cpus: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
