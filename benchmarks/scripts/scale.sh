#!/usr/bin/env bash
# How solve's cost grows with the instance: for each scale, the generated instance of that many organisations
# (seed = scale; 1 = the region's own dataset), solved from `java -jar` to the CSV under -Xmx2g (HEAP=6g to change), with
# /usr/bin/time's wall time, peak resident memory and CPU share (200 % = both cores busy the whole run).
# Bounded: one solve per scale, each with its --seconds. Needs the jar: mvn -B -q install -DskipTests.
# Usage: benchmarks/scripts/scale.sh [SCALE:SECONDS ...]   (default 1:30 10:10 30:30 100:60 300:180)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=app/target/tidplan.jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RUNS=("$@")
[ ${#RUNS[@]} -eq 0 ] && RUNS=(1:30 10:10 30:30 100:60 300:180)

echo "| instance | activities | parts | --seconds | solved in | best found at | score | wall (java -jar to CSV) | peak RSS | CPU |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for run in "${RUNS[@]}"; do
  scale="${run%%:*}"; seconds="${run##*:}"
  data=()
  if [ "$scale" != 1 ]; then
    java -jar "$JAR" generate --scale "$scale" --seed "$scale" --out "$WORK/gen-$scale" >/dev/null
    data=(--data "$WORK/gen-$scale")
  fi
  /usr/bin/time -f "%e %M %P" -o "$WORK/time" java -Xmx"${HEAP:-2g}" -jar "$JAR" solve "${data[@]}" --seconds "$seconds" \
      --out "$WORK/out-$scale.csv" >"$WORK/log-$scale" 2>&1 || { echo "scale $scale failed:"; tail -5 "$WORK/log-$scale"; exit 1; }
  read -r wall rss cpu <"$WORK/time"
  solved=$(grep -o 'Solved in [0-9.]* s' "$WORK/log-$scale" | grep -o '[0-9.]*')
  best=$(grep -o 'best found at [0-9.]* s' "$WORK/log-$scale" | grep -o '[0-9.]*')
  parts=$(grep -o 'in [0-9]* independent parts' "$WORK/log-$scale" | grep -o '[0-9]*' || echo 1)
  score=$(grep -o 'score [-0-9a-z/]*' "$WORK/log-$scale" | tail -1 | cut -d' ' -f2)
  activities=$(grep -o 'Wrote [^:]*: [0-9]* activities' "$WORK/log-$scale" | grep -o '[0-9]* activities' | cut -d' ' -f1)
  echo "| ${scale}x | $activities | $parts | $seconds | $solved s | $best s | $score | $wall s | $((rss / 1024)) MB | $cpu |"
done
