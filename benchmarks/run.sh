#!/usr/bin/env bash
# Builds and runs the JMH benchmarks, writing results/jmh/<UTC time>/jmh.json (and the console log).
# Extra arguments go to JMH, e.g. a benchmark regex: benchmarks/run.sh HarnessOverhead
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am install -DskipTests
out="results/jmh/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.txt"
echo "JMH results: $out/jmh.json"
