#!/usr/bin/env bash
# Measures the planners' workspace (serve) on this machine: start-up to the first page, a solve of the region's
# calendar through the API, a re-plan after a drag (a pin), and the page's weight. Bounded: one server, one
# solve, one re-plan; it stops the server itself. Needs the jar: mvn -B -q package -DskipTests.
# Usage: benchmarks/scripts/workspace.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${1:-18080}"
JAR=app/target/tidplan.jar
WORK="$(mktemp -d)"
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
URL="http://127.0.0.1:$PORT"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

SERVER=
start_server() {
  local started; started=$(now)
  java -jar "$JAR" serve --port "$PORT" --workspace "$WORK/ws" >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  until curl -sf "$URL/api/scenarios/1/calendar" -o /dev/null; do sleep 0.05; done
  curl -sf "$URL/" -o /dev/null
  ELAPSED=$(since "$started")
}

start_server
echo "start-up to first page, new workspace (migrations, the region's dataset stored and scored): ${ELAPSED} s"
kill "$SERVER"; wait "$SERVER" || true
start_server
echo "start-up to first page, existing workspace: ${ELAPSED} s"

started=$(now)
curl -sf -XPOST "$URL/api/scenarios/1/solve" -o /dev/null
until curl -sf "$URL/api/scenarios/1/progress" | grep -q NOT_SOLVING; do sleep 0.05; done
echo "solve of the region via the API, request to saved calendar: $(since "$started") s, score $(curl -sf "$URL/api/scenarios/1" | sed 's/.*"score":"\([^"]*\)".*/\1/')"

version=$(curl -sf "$URL/api/scenarios/1" | sed 's/.*"version":\([0-9]*\).*/\1/')
started=$(now)
moved=$(curl -sf -XPOST -H 'Content-Type: application/json' \
  -d "{\"version\":$version,\"pin\":[\"BD22-KOMM=2021-01-20\"]}" "$URL/api/scenarios/1/replan" | grep -o '"oldDate"' | wc -l)
echo "re-plan after a drag (BD22-KOMM to 2021-01-20), request to saved calendar: $(since "$started") s, ${moved} activities moved"

page=0
for asset in / /app.css /palette.css $(cd workspace/src/main/resources/web && ls js/*.js | sed 's|^|/|'); do page=$((page + $(curl -sf "$URL$asset" | wc -c))); done
data=$(curl -sf "$URL/api/scenarios/1/calendar" | wc -c)
gz=$(curl -sf -H 'Accept-Encoding: gzip' "$URL/api/scenarios/1/calendar" | wc -c)
echo "page weight: ${page} bytes of HTML, script and style (no libraries), plus ${data} bytes of calendar JSON (${gz} bytes as sent gzipped)"
