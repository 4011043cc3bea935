#!/usr/bin/env bash
# homework-service through the gateway, with real Keycloak tokens and the demo data (deploy/local/up
# brings it up; this script starts it if it is not running):
#   1. a pupil's 15-day list read by the pupils of 4A: requests per second, p50/p99;
#   2. 30 pupils (4A's 28, then 4B's) handing in a 2 MB PDF at once (pre-signed upload to the object storage, then
#      the hand-in, which homework-service confirms): all confirmed?, time to the last.
# Each run sets a new HAND_IN work (Claire Martin, maths) for each class the pupils come from.
# Prints a table and writes bench/results/<date>-homework.md.
#
#   bench/homework/run.sh [seconds] [clients] [hand-ins]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECONDS_RUN=${1:-30}
CLIENTS=${2:-16}
HAND_INS=${3:-30}
ENT_HOME=${ENT_HOME:-$ROOT/.local}

if ! curl -fs -o /dev/null --max-time 2 http://localhost:8080/q/health/ready; then
  echo "the platform is not up: starting it (deploy/local/up)"
  "$ROOT/deploy/local/up"
fi
./mvnw -B -q -o -f bench/platform/loadgen/pom.xml package 2>/dev/null || ./mvnw -B -q -f bench/platform/loadgen/pom.xml package
CP="bench/platform/loadgen/target/classes:$(ls bench/platform/loadgen/target/lib/*.jar | tr '\n' ':')"

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
LOG=$(mktemp /tmp/homework-bench.XXXXXX.log)
java -Xmx768m -cp "$CP" fr.ent.bench.platform.HomeworkBench --seconds="$SECONDS_RUN" --clients="$CLIENTS" \
  --hand-ins="$HAND_INS" --ent-home="$ENT_HOME" | tee "$LOG"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-homework.md"
mkdir -p bench/results
{
  echo "# homework-service through the gateway — ${DATE} $(date -u +%H:%M) UTC"
  echo
  echo "Command: \`bench/homework/run.sh ${SECONDS_RUN} ${CLIENTS} ${HAND_INS}\` against \`deploy/local/up\` (demo data)."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1). The whole platform and the load generator on this one machine."
  echo "Load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER}."
  echo
  grep -E '^([0-9]+ pupils of 4A signed|pupil lists|hand-ins:)' "$LOG" | sed 's/^/    /'
  echo
  sed -n '/^| measure/,$p' "$LOG"
} > "$OUT"
echo "written $OUT"
