#!/usr/bin/env bash
# Regenerates the published reference results: every built-in suite (or those named as arguments),
# each into results/reference/<suite>/ (cells.jsonl, suite.json, metadata.json, matrix.md, matrix.csv,
# groups.csv, report.html). A directory that already holds a complete run is resumed, i.e. left as is;
# delete it to measure again (a compressed one, cells.jsonl.gz, is complete and kept). relu-vs-tanh-tuned is relu-vs-tanh with its rate tuned per configuration.
# Measured on 2 cores: about 4.5 hours for the MNIST runs (the README's suite table lists each) plus
# about 40-60 minutes for cifar10-cnn.
#   results/reference/regenerate.sh [suite ...]
# Needs the dataset mirror (INITBENCH_DATASETS_MIRROR, default ../shared/datasets) or network access.
set -euo pipefail
cd "$(dirname "$0")/../.."
suites=("$@")
mirror="${INITBENCH_DATASETS_MIRROR:-$(cd .. && pwd)/shared/datasets}"
mvn -B -q package -DskipTests
if [ ${#suites[@]} -eq 0 ]; then
  # every built-in suite, as the harness declares them, with relu-vs-tanh-tuned after relu-vs-tanh
  while read -r name; do
    suites+=("$name")
    if [ "$name" = relu-vs-tanh ]; then suites+=(relu-vs-tanh-tuned); fi
  done < <(java -jar harness/target/initbench.jar list -Dlist.names=true)
  [ ${#suites[@]} -gt 0 ] || { echo "list -Dlist.names=true printed no suite" >&2; exit 1; }
fi
for s in "${suites[@]}"; do
  # a reference stored compressed is complete (a run is compressed only when done): leave it as is
  if [ -f "results/reference/$s/cells.jsonl.gz" ]; then
    echo "$s: kept (stored as cells.jsonl.gz; delete results/reference/$s to measure again)"
    continue
  fi
  extra=()
  suite="$s"
  if [ "$s" = relu-vs-tanh-tuned ]; then
    suite=relu-vs-tanh
    extra+=(-Dtuning.learningRates=0.3,0.1,0.03 -Dtuning.seeds=101,102 -Dtuning.minRate=0.003 -Dtuning.maxRate=1.0)
  fi
  # the CIFAR-10 in this repository's mirror is a replica: accepted with a warning, marked NOT OFFICIAL
  [ "$s" = cifar10-cnn ] && extra+=(-Ddatasets.verify=warn)
  mvn -B -q exec:java -Dsuite="$suite" -Dout="results/reference/$s" -Ddatasets.mirror="$mirror" "${extra[@]}" \
    > "results/reference/$s.log" 2>&1 || { echo "suite $s failed: see results/reference/$s.log" >&2; exit 1; }
  rm -f "results/reference/$s.log"
  echo "$s: results/reference/$s/matrix.md"
done
