#!/usr/bin/env bash
# Smoke test of the launcher and the README's first command, as a user runs them:
#   - the JDK finder skips a JAVA_HOME older than 21;
#   - ./qz run (bundled default config, real BTC-USD data) completes, is stored and reported;
#   - ./qz runs list / show and ./qz data inspect work; bad input exits 3 without a stack trace.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$HERE"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

old_jdk="$(ls -d /usr/lib/jvm/java-17-openjdk-* 2>/dev/null | head -1 || true)"
if [ -n "$old_jdk" ]; then
  found="$(JAVA_HOME="$old_jdk" bash -c '. scripts/java.sh && qz_find_java >/dev/null && echo "$JAVA_HOME"')"
  [ "$found" != "$old_jdk" ] || fail "the JDK finder accepted JDK 17 at $old_jdk"
fi

out="$(./qz run --json --db "$TMP/qz.duckdb" --report --report-dir "$TMP/reports")"
echo "$out" | grep -q '"status":"completed"' || fail "qz run did not complete: $out"
echo "$out" | grep -q '"bars":20695' || fail "qz run did not use the bundled BTC-USD data: $out"
id="$(echo "$out" | sed -n 's/^{"run_id":"\([^"]*\)".*/\1/p')"
ls "$TMP/reports"/report-"$id".html >/dev/null || fail "no HTML report for $id"
./qz runs list --db "$TMP/qz.duckdb" | grep -q "$id" || fail "qz runs list does not show $id"
./qz runs show "$id" --db "$TMP/qz.duckdb" | grep -q "total_return_pct" || fail "qz runs show"
./qz data inspect data/eth-usd-4h-2016-2025.csv | grep -q "gaps:" || fail "qz data inspect"

printf 'timestamp,open,high,low,close,volume\n2024-01-02T00:00:00Z,100,99,101,100,5\n' > "$TMP/bad.csv"
set +e
err="$(./qz run --data "$TMP/bad.csv" --db "$TMP/qz.duckdb" 2>&1 >/dev/null)"
code=$?
set -e
[ "$code" -eq 3 ] || fail "bad data must exit 3, exited $code: $err"
echo "$err" | grep -q "bad.csv:2" || fail "bad data error must name file and line: $err"
if echo "$err" | grep -q "^[[:space:]]*at "; then fail "bad data printed a stack trace"; fi
if [ -n "$(find quantzoo-cli/target/lib -maxdepth 1 \( -iname 'spark*' -o -iname 'scala*' \
    -o -iname 'hadoop*' \) -print -quit)" ]; then
  fail "qz's runtime classpath (quantzoo-cli/target/lib) holds Spark, Scala or Hadoop"
fi
echo "smoke: ./qz run, runs list/show, data inspect, bad-input exit code, no Spark in qz: ok"
