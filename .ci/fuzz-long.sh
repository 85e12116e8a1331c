#!/usr/bin/env bash
# Long fuzzing run (issue #6): each target fuzzes for MINUTES (default 10), in 20 s rounds (the
# @FuzzTest maxDuration; Jazzer's JUnit mode takes no duration from the command line). Every round
# starts from the corpus the previous ones grew in <module>/.cifuzz-corpus/, so rounds add up to one
# long run. A finding fails the round, stops the script, and Jazzer writes the crashing input into
# src/test/resources/.../<Test>Inputs/<target>/, where it becomes a regression test of `mvn verify`.
#   .ci/fuzz-long.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
rounds=$(( minutes * 3 ))
mvn -B -q install -DskipTests -DskipFuzz=true
for target in "datasets ParserFuzzTest#idx" "datasets ParserFuzzTest#cifar" "harness SuiteFuzzTest"; do
  set -- $target
  runs=0
  for _ in $(seq "$rounds"); do
    n=$(JAZZER_FUZZ=1 mvn -B -o test -pl "$1" -Dtest="$2" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
        | tee /tmp/fuzz-round.log | sed -n 's/^Done \([0-9]*\) runs.*/\1/p')
    grep -q "BUILD SUCCESS" /tmp/fuzz-round.log || { echo "finding in $2: see /tmp/fuzz-round.log" >&2; exit 1; }
    runs=$(( runs + ${n:-0} ))
  done
  echo "$2: $runs executions in $minutes min, no finding; corpus: $(ls "$1/.cifuzz-corpus"/*/* 2>/dev/null | wc -l) inputs"
done
