#!/usr/bin/env bash
# Kill/resume check (issue #6): runs a suite once uninterrupted, then runs it again into another
# directory, SIGKILLing the JVM at random moments and restarting it with the same -Dout until it
# completes, at least KILLS times. The killed-and-resumed run must end with exactly the uninterrupted
# run's results: same cells, same numbers (every column of matrix.csv but timings), no duplicate and no
# torn record (the strict reader behind -Dcommand=report refuses both). Every third start writes each
# record in two halves 3 s apart (-Dinitbench.faults.appendPauseMs) and is killed between them, so that
# kills also land mid-record; the script counts those and the resumes that found a torn record.
#   .ci/kill-resume.sh [KILLS=20] [SEED=1]
# A short run: KR_SEEDS=1,2 KR_EPOCHS=3 KR_FINISH=1 .ci/kill-resume.sh 6 (KR_FINISH: after KILLS kills
# the next resume runs to the end, for a machine too busy to finish cells between kills).
# Needs a build first (`mvn -B package -DskipTests`; nothing installed) and the dataset mirror (../shared/datasets). ~5-10 minutes.
# Do not rebuild the checkout while it runs: the JVMs load harness/target/classes lazily.
set -euo pipefail
cd "$(dirname "$0")/.."
kills_wanted="${1:-20}"
RANDOM="${2:-1}"
work="$(mktemp -d)"
mirror="${INITBENCH_DATASETS_MIRROR:-$(cd .. && pwd)/shared/datasets}"
# the run-time class path every build of the harness writes (no initbench artifact in ~/.m2 needed)
cp="harness/target/classes:$(cat harness/target/runtime-classpath.txt)"
# -Dresume.maxStarts: every kill here comes from outside, so no cell may be recorded as the one that
# killed the process (by default a cell started twice without a record is ERROR)
suite=(-Dsuite=smoke -Dseeds="${KR_SEEDS:-1,2,3,4,5,6}" -Depochs="${KR_EPOCHS:-6}" -Dworkers=2 -Dthreads=1
       -Dresume.maxStarts=1000
       -Ddatasets.mirror="$mirror" -Ddatasets.dir="$work/cache")
run() { java -Xmx3g -cp "$cp" "${suite[@]}" "$@" io.initbench.harness.cli.Main >>"$work/log.txt" 2>&1; }

start=$(date +%s)
run -Dout="$work/reference"
echo "uninterrupted run: $(( $(date +%s) - start )) s, $(wc -l < "$work/reference/cells.jsonl") cells"

# true while cells.jsonl ends inside a record (its last byte is not a newline)
mid_record() { [ -s "$1" ] && [ "$(tail -c1 "$1" | od -An -tx1 | tr -d ' \n')" != "0a" ]; }

kills=0; attempts=0; torn_kills=0; torn_starts=0
while :; do
  attempts=$((attempts + 1))
  if mid_record "$work/killed/cells.jsonl"; then torn_starts=$((torn_starts + 1)); fi
  pause=(); [ $((attempts % 3)) -eq 0 ] && pause=(-Dinitbench.faults.appendPauseMs=3000)
  java -Xmx3g -cp "$cp" "${suite[@]}" "${pause[@]}" -Dout="$work/killed" io.initbench.harness.cli.Main \
      >>"$work/log.txt" 2>&1 &
  pid=$!
  if [ "$kills" -ge "$kills_wanted" ] && [ -n "${KR_FINISH:-}" ]; then
    wait "$pid"   # enough kills: this resume runs to the end (KR_FINISH=1, for a slow or busy machine)
    break
  elif [ ${#pause[@]} -gt 0 ]; then
    # wait (up to 60 s) until a record is half written, then kill inside the pause
    for _ in $(seq 600); do
      if mid_record "$work/killed/cells.jsonl" || ! kill -0 "$pid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    delay=mid-record
  else
    # a random moment 2.0-8.0 s after start: JVM start-up (~3-5 s), data loading, training, appending,
    # reporting; short enough that an idle 2-core machine needs ~30 kills to finish the 48 cells
    delay="$(( RANDOM % 61 + 20 ))"
    sleep "$(echo "$delay" | sed 's/.$/.&/')"
  fi
  if kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    torn=""
    if [ ${#pause[@]} -gt 0 ] && mid_record "$work/killed/cells.jsonl"; then
      torn_kills=$((torn_kills + 1)); torn=", the last one torn"
    fi
    lines=$( [ -f "$work/killed/cells.jsonl" ] && wc -l < "$work/killed/cells.jsonl" || echo 0)
    echo "kill $kills ($delay): $lines complete record(s) on disk$torn"
  else
    wait "$pid"   # finished before the kill: must have succeeded
    if [ "$kills" -ge "$kills_wanted" ]; then break; fi
    echo "run completed before kill $((kills + 1)); starting over in a fresh directory to reach $kills_wanted kills"
    rm -rf "$work/killed"; kills=0; torn_kills=0; torn_starts=0
  fi
done
echo "completed after $kills kills ($attempts starts)"

# strict re-read: fails on a duplicate, a corrupt line or an unknown format version
java -cp "$cp" -Dcommand=report -Drun="$work/killed" io.initbench.harness.cli.Main >>"$work/log.txt" 2>&1
python3 - "$work/reference/matrix.csv" "$work/killed/matrix.csv" <<'PY'
import csv, sys
def rows(path):
    with open(path, newline='') as f:
        r = list(csv.DictReader(f))
    return {row['cell_id']: {k: v for k, v in row.items() if 'second' not in k} for row in r}
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert a.keys() == b.keys(), f"different cells: {sorted(a.keys() ^ b.keys())}"
diff = [(c, k) for c in a for k in a[c] if a[c][k] != b[c][k]]
assert not diff, f"{len(diff)} differing values, first: {diff[:3]}"
print(f"identical: {len(a)} cells x {len(next(iter(a.values())))} columns (timings excluded)")
PY
echo "kills that landed mid-record (left a torn record): $torn_kills"
echo "starts that began with a torn record on disk (each must drop it and re-run the cell): $torn_starts"
echo "cells.jsonl lines: $(wc -l < "$work/killed/cells.jsonl") (reference $(wc -l < "$work/reference/cells.jsonl"))"
rm -rf "$work"
