#!/usr/bin/env bash
# Runs one sweep whole, then as N shard processes side by side, merges the parts and checks that the merged
# table equals the whole one; prints each run's wall time and throughput. The same grid as the Kubernetes job
# (deploy/kubernetes/sweep-job.yaml). Needs the jar: mvn -B -q package -DskipTests.
# Usage: benchmarks/scripts/sweep-shards.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2}"
JAR=app/target/tidplan.jar
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
GRID=(--today 2021-01-04 --sitting-over RF:2021-06-21=2021-06-01..2021-06-30 --forecast-within 2021-04-29=5)
java -jar "$JAR" solve --quiet --out "$WORK/tidplan.csv" >/dev/null

start=$(date +%s.%N)
java -jar "$JAR" sweep --baseline "$WORK/tidplan.csv" "${GRID[@]}" --out "$WORK/whole.csv"
echo "whole, one process: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s wall"

start=$(date +%s.%N)
for i in $(seq 0 $((N - 1))); do
  java -jar "$JAR" sweep --baseline "$WORK/tidplan.csv" "${GRID[@]}" --threads 1 --shard "$i/$N" \
    --out "$WORK/part-$i.csv" > "$WORK/shard-$i.log" &
done
wait
java -jar "$JAR" sweep --merge "$WORK"/part-*.csv --out "$WORK/merged.csv" >/dev/null
echo "$N shard processes and the merge: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s wall"
cat "$WORK"/shard-*.log | grep Swept
if cmp -s "$WORK/whole.csv" "$WORK/merged.csv"; then
  echo "the merged table equals the whole one ($(($(wc -l < "$WORK/whole.csv") - 1)) what-ifs)"
else
  echo "the merged table differs from the whole one:" && diff "$WORK/whole.csv" "$WORK/merged.csv" && exit 1
fi
