#!/usr/bin/env bash
# Runs the shipped job array (.ci/jobs/slurm-array.sbatch) on a real Slurm: installs Debian's Slurm and
# MUNGE if missing, starts a one-node cluster on this machine (its own munged, slurmctld and slurmd,
# configuration and state in a temporary directory, ports 16817/16818), submits a small suite in
# 2 shards plus the dependent merge job, waits, and checks that the merged run equals a single-machine
# run of the same suite: the records without timings and every non-timing column of matrix.csv.
# Stops its daemons and removes its files on every exit path.
#   sudo .ci/slurm-check.sh          (root: it installs packages and runs the daemons as root)
# Environment: SUITE (smoke), PROPS (-Dseeds=1,2), SLURM_CHECK_TIMEOUT (seconds to wait for the jobs,
# 900), INITBENCH_DATASETS_MIRROR (default ../shared/datasets), KEEP=1 keeps the work directory.
# Exit: 0 equal; 1 the jobs failed or the merged run differs; 3 Slurm could not be installed or started
# here (not a finding about initbench: .ci/run only warns).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
suite="${SUITE:-smoke}"
props="${PROPS:--Dseeds=1,2}"
timeout_s="${SLURM_CHECK_TIMEOUT:-900}"
mirror="${INITBENCH_DATASETS_MIRROR:-$(cd .. && pwd)/shared/datasets}"
t0=$(date +%s)
say() { echo "[slurm-check +$(( $(date +%s) - t0 ))s] $*"; }
setup_failed() { say "SETUP FAILED: $*"; exit 3; }

[ "$(id -u)" = 0 ] || setup_failed "run as root (installs packages, runs slurmctld/slurmd/munged)"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge from Debian"
  export DEBIAN_FRONTEND=noninteractive
  { timeout 600 apt-get install -y -q slurm-wlm munge || { timeout 300 apt-get update -q \
      && timeout 600 apt-get install -y -q slurm-wlm munge; }; } >/dev/null 2>&1 \
    || setup_failed "apt-get install slurm-wlm munge failed"
fi
command -v python3 >/dev/null || { timeout 600 apt-get install -y -q python3 >/dev/null 2>&1 \
  || setup_failed "python3 (for the comparison) is missing and could not be installed"; }
say "$(slurmctld -V), munge $(dpkg-query -W -f='${Version}' munge 2>/dev/null || echo '?')"

work="$(mktemp -d /tmp/initbench-slurm.XXXXXX)"
chmod 755 "$work"
pids=()
jobs_submitted=()
cleanup() {
  rc=$?
  set +e
  if [ "${#jobs_submitted[@]}" -gt 0 ]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ "${KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  say "daemons stopped; exit $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the program the jobs run: compiled classes + dependency class path, as kill-resume.sh uses
say "building the class path"
timeout 900 mvn -B -q -pl harness -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  >"$work/mvn.log" 2>&1 || { cat "$work/mvn.log"; say "FAILED: build"; exit 1; }
cp="$repo/harness/target/classes:$(cat "$work/cp.txt")"
common=(-Dsuite="$suite" $props -Ddatasets.mirror="$mirror" -Ddatasets.dir="$work/cache" -Dthreads=1)

# --- the single-machine reference
say "single-machine run: $suite $props"
timeout 900 java -Xmx2g -cp "$cp" "${common[@]}" -Dworkers=2 -Dout="$work/single" io.initbench.harness.cli.Main \
  >"$work/single.log" 2>&1 || { tail -30 "$work/single.log"; say "FAILED: single-machine run"; exit 1; }
say "single-machine run: $(wc -l < "$work/single/cells.jsonl") cells"

# --- a one-node cluster: MUNGE with its own key and socket, slurmctld and slurmd in the foreground
host="$(hostname -s)"
cpus="$(nproc)"
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/etc"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged -F --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" \
  >"$work/munge/stdout.log" 2>&1 &
pids+=($!)
cat >"$work/etc/slurm.conf" <<EOF
ClusterName=initbench-check
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$work/jobcomp.txt
MpiDefault=none
ReturnToService=2
MinJobAge=3600
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/etc/slurm.conf"
for _ in $(seq 1 50); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.2; done
[ -S "$work/munge/munge.socket" ] || { cat "$work/munge/"*.log; setup_failed "munged did not start"; }
slurmctld -D -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 1 60); do
  state="$(sinfo -h -N -o %T 2>/dev/null | head -1 || true)"
  [ "$state" = idle ] && break
  sleep 1
done
if [ "$state" != idle ]; then
  tail -20 "$work/slurmctld.log" "$work/slurmd.log" "$work/slurmctld.out" "$work/slurmd.out" 2>/dev/null
  setup_failed "the node did not become idle (state: '${state:-none}')"
fi
say "cluster up: node $host, $cpus CPUs, ${mem_mb} MiB; $(sinfo -h -o '%P %a %D %T')"

# --- the shipped job files, configured through their environment variables
export INITBENCH_HOME="$repo" INITBENCH_OUT="$work/shards" INITBENCH_MERGED="$work/merged" \
  INITBENCH_DATASETS_MIRROR="$mirror" INITBENCH_CLASSPATH="$cp" INITBENCH_JAVA_OPTS="-Xmx1500m" \
  INITBENCH_PROPS="$props -Ddatasets.dir=$work/cache"
res=(--cpus-per-task=1 --mem=2G --time=20)
arr=$(sbatch --parsable "${res[@]}" --array=0-1 --output="$work/slurm-%A_%a.out" .ci/jobs/slurm-array.sbatch "$suite")
jobs_submitted+=("$arr")
merge=$(sbatch --parsable "${res[@]}" --dependency=afterok:"$arr" --kill-on-invalid-dep=yes \
  --export=ALL,MERGE=1,SHARDS=2,ARRAY_JOB_ID="$arr" --output="$work/slurm-merge-%j.out" \
  .ci/jobs/slurm-array.sbatch "$suite")
jobs_submitted+=("$merge")
say "submitted array job $arr (2 shards) and merge job $merge (afterok:$arr)"

field() { { grep -o "$1=[^ ]*" || true; } | head -1 | cut -d= -f2; }
deadline=$(( $(date +%s) + timeout_s ))
final=""
last=""
while :; do
  final="$(scontrol show job -o "$merge" 2>/dev/null | field JobState || true)"
  now="array: $(scontrol show job -o "$arr" 2>/dev/null | awk '{for(i=1;i<=NF;i++) if($i ~ /^(ArrayTaskId|JobState)=/) printf "%s ", $i; printf "| "}') merge: $final"
  [ "$now" != "$last" ] && say "$now"
  last="$now"
  case "$final" in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|PREEMPTED|BOOT_FAIL|DEADLINE) break ;; esac
  if [ "$(date +%s)" -ge "$deadline" ]; then say "FAILED: jobs not finished after ${timeout_s}s"; exit 1; fi
  sleep 2
done

say "jobs (array task or job, Slurm job id, state, exit code, start, end, run time):"
for id in "$arr" "$merge"; do
  scontrol show job -o "$id" | while read -r line; do
    task="$(echo "$line" | field ArrayTaskId)"
    echo "  ${task:+$(echo "$line" | field ArrayJobId)_$task }job $(echo "$line" | field JobId):" \
      "$(echo "$line" | field JobState) exit=$(echo "$line" | field ExitCode)" \
      "start=$(echo "$line" | field StartTime) end=$(echo "$line" | field EndTime) run=$(echo "$line" | field RunTime)"
  done
done
bad=$(scontrol show job -o "$arr" "$merge" 2>/dev/null | grep -v 'JobState=COMPLETED' | wc -l || true)
if [ "$final" != COMPLETED ] || [ "$bad" != 0 ]; then
  for f in "$work"/slurm-*.out; do echo "--- $f"; tail -20 "$f"; done
  say "FAILED: a job did not complete"
  exit 1
fi
say "shards: $(for d in "$work"/shards/shard-*; do echo -n "$(basename "$d") $(wc -l < "$d/cells.jsonl") cells; "; done)merged: $(wc -l < "$work/merged/cells.jsonl") cells"

# --- the merged run must equal the single-machine run (CellRecord.withoutTimings; matrix.csv less timings)
python3 - "$work/single" "$work/merged" <<'PY'
import csv, json, sys
TIMING_METRICS = {"convergence": ("secondsToTarget",),
                  "timing": ("trainSeconds", "evalSeconds", "wallSeconds", "samplesPerSecond")}
def records(d):
    out = {}
    for line in open(f"{d}/cells.jsonl", encoding="utf-8"):
        r = json.loads(line)
        for k in ("runId", "startedAt", "finishedAt", "worker", "provenance", "error"):
            r.pop(k, None)
        if r.get("status") == "TIMEOUT":
            r.pop("reason", None)
        for group, keys in TIMING_METRICS.items():
            for k in keys:
                r["metrics"][group].pop(k, None)
        for p in r.get("curve", []):
            p.pop("trainSeconds", None)
        out[r["cellId"]] = r
    return out
def matrix(d):
    with open(f"{d}/matrix.csv", newline="") as f:
        return {row["cell_id"]: {k: v for k, v in row.items() if "second" not in k and k != "git_commit"}
                for row in csv.DictReader(f)}
a, b = records(sys.argv[1]), records(sys.argv[2])
assert a.keys() == b.keys(), f"different cells: {sorted(a.keys() ^ b.keys())}"
diff = [c for c in a if a[c] != b[c]]
assert not diff, f"{len(diff)} records differ, first: {diff[0]}: {a[diff[0]]} vs {b[diff[0]]}"
ma, mb = matrix(sys.argv[1]), matrix(sys.argv[2])
assert ma.keys() == mb.keys() == a.keys(), "matrix.csv cells differ"
cdiff = [(c, k) for c in ma for k in ma[c] if ma[c][k] != mb[c][k]]
assert not cdiff, f"{len(cdiff)} differing matrix.csv values, first: {cdiff[:3]}"
print(f"EQUAL: {len(a)} records (without timings) and matrix.csv {len(ma)} cells x "
      f"{len(next(iter(ma.values())))} non-timing columns")
PY
say "PASSED in $(( $(date +%s) - t0 )) s"
