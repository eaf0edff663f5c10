#!/usr/bin/env bash
# The audit trail's append path measured (docs/AUDIT.md, docs/BENCHMARKS.md): lines/s with group
# commit for 1, 4 and 16 threads appending to one log (every append fsynced before it returns),
# lines per fsync, append latency p50/p99, then verify throughput. Not part of the tests.
#   bench/audit.sh [SECONDS_PER_RUN]      (default 3)
# The log goes to a temporary directory under $TMPDIR (the figures depend on its disk).
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
"$JAVA" -Xms512m -Xmx512m -cp "$CP" io.quantzoo.bench.AuditBenchmark "${1:-3}"
"$JAVA" -version 2>&1 | head -1 | sed 's/^/   java: /'
