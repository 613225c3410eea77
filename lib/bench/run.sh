#!/usr/bin/env bash
# One command for the side-by-side benchmark (see lib/BENCHMARKS.md and README "Performance"):
# builds the library's CharLstmBench, then for every configuration runs the library and every
# runnable peer (numpy from scratch; PyTorch when `import torch` works; DL4J's LSTM layer when DL4J=1) ALTERNATELY, RUNS times
# each (seeds 0..RUNS-1), all with OMP_NUM_THREADS=1, and prints medians and ratios.
#
# usage: lib/bench/run.sh              # from anywhere; RUNS=3 by default
#        RUNS=1 SCALE=0.25 lib/bench/run.sh   # a quick look: a quarter of the steps
#        ONLY=lstm lib/bench/run.sh           # configurations whose line contains "lstm"
#        DL4J=1 lib/bench/run.sh              # adds the DL4J peer (bench-dl4j, profile -Pdl4j-bench) to the LSTM configurations
# env:   PY (python with numpy, default python3), OUT (raw JSON lines, default lib/bench/results-<utc>.jsonl),
#        BENCH_CP (a ready classpath: skips the build), DL4J (1: also run kursus.rnn.bench.Dl4jCharLstmBench, DL4J's
#        own LSTM layer; built here with -Pdl4j-bench, downloads deeplearning4j-nn once), DL4J_CP (its ready classpath)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
RUNS=${RUNS:-3}
SCALE=${SCALE:-1}
ONLY=${ONLY:-}
PY=${PY:-python3}
OUT=${OUT:-lib/bench/results-$(date -u +%Y%m%dT%H%M%S).jsonl}
CORPUS=${CORPUS:-/usr/share/common-licenses/GPL-3}
export OMP_NUM_THREADS=1
PEERS=lib/bench/peers
WRAP=lib/bench/peer_cpu_time.py

if [ -z "${BENCH_CP:-}" ]; then
  mvn -B -ntp -q -pl lib test-compile >/dev/null
  mvn -B -ntp -q -pl lib dependency:build-classpath -Dmdep.outputFile="$ROOT/lib/target/bench-cp.txt" >/dev/null
  # a private copy of the classes, so that a rebuild during the (long) run cannot change them
  SNAP=$(mktemp -d)
  trap 'rm -rf "$SNAP"' EXIT
  cp -r lib/target/classes "$SNAP/classes"
  cp -r lib/target/test-classes "$SNAP/test-classes"
  BENCH_CP="$SNAP/classes:$SNAP/test-classes:$(cat lib/target/bench-cp.txt)"
fi
CP="$BENCH_CP"
DL4J=${DL4J:-0}
if [ "$DL4J" = 1 ] && [ -z "${DL4J_CP:-}" ]; then
  mvn -B -ntp -q -Pdl4j-bench -pl bench-dl4j package -DskipTests >/dev/null
  mvn -B -ntp -q -Pdl4j-bench -pl bench-dl4j dependency:build-classpath -Dmdep.outputFile="$ROOT/bench-dl4j/target/bench-cp.txt" >/dev/null
  SNAP_DL4J=$(mktemp -d)
  trap 'rm -rf "${SNAP:-}" "$SNAP_DL4J"' EXIT
  cp -r bench-dl4j/target/classes "$SNAP_DL4J/classes"
  DL4J_CP="$SNAP_DL4J/classes:$(cat bench-dl4j/target/bench-cp.txt)"
fi
HAVE_TORCH=0
if "$PY" -c "import torch" 2>/dev/null; then HAVE_TORCH=1; fi

# cell H T B steps
CONFIGS=(
  "lstm 128 32 32 600"
  "lstm 64 25 1 5000"
  "lstm 256 64 64 80"
  "gru 128 32 32 400"
  "rnn 128 32 32 1200"
)

load() { cut -d' ' -f1 /proc/loadavg; }
record() { # label, command...
  local before after line
  before=$(load)
  line=$("${@:2}" 2>/dev/null | grep '^{' | tail -1) || true
  after=$(load)
  if [ -n "$line" ]; then
    echo "{\"load_before\": $before, \"load_after\": $after, \"r\": $line}" >> "$OUT"
    echo "  $1: $(echo "$line" | "$PY" -c 'import json,sys; d=json.loads(sys.stdin.read()); print("%.0f chars/CPU-s, final loss %.4f" % (d.get("chars_per_process_cpu_sec", d.get("chars_per_cpu_sec", 0)), d["final_loss"]))')  (load $before → $after)"
  else
    echo "  $1: FAILED"
  fi
}

echo "machine: $(getconf _NPROCESSORS_ONLN) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u '+%Y-%m-%d %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw lines -> $OUT"
for cfg in "${CONFIGS[@]}"; do
  [[ -n "$ONLY" && "$cfg" != *"$ONLY"* ]] && continue
  read -r cell H T B steps <<<"$cfg"
  steps=$("$PY" -c "print(max(1, round($steps * $SCALE)))")
  args=(--corpus "$CORPUS" --hidden "$H" --seq "$T" --batch "$B" --steps "$steps")
  echo "$cell H=$H T=$T B=$B steps=$steps"
  for ((s = 0; s < RUNS; s++)); do
    # --warm-steps: the same model trains the same number of steps again in the same JVM (a re-run cell)
    record "java  seed $s" java -cp "$CP" kursus.rnn.bench.CharLstmBench --cell "$cell" "${args[@]}" --seed "$s" --warm-steps "$steps"
    record "numpy seed $s" "$PY" "$WRAP" "$PEERS/numpy_$cell.py" "${args[@]}" --seed "$s"
    if [ "$DL4J" = 1 ] && [ "$cell" = lstm ]; then
      record "dl4j  seed $s" java -cp "$DL4J_CP" kursus.rnn.bench.Dl4jCharLstmBench --cell "$cell" "${args[@]}" --seed "$s"
    fi
    if [ "$HAVE_TORCH" = 1 ]; then
      record "torch seed $s" "$PY" "$WRAP" "$PEERS/torch_lstm.py" --cell "$cell" --threads 1 "${args[@]}" --seed "$s"
    fi
  done
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" lib/bench/compare.py "$OUT"
