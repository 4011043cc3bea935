#!/usr/bin/env bash
# timetable-service through the gateway, with real Keycloak tokens and the demo data (deploy/local/up
# brings it up; this script starts it if it is not running):
#   1. a pupil's week read by their guardians: requests per second, p50/p99;
#   2. a teacher absent for a day (the teacher of the school with the most lessons on one of the next
#      7 days: Claire Martin's Monday, 6 lessons, ~170 pupils, ~300 guardians on the demo data): from
#      the CPE's confirmation to each family's notice on its live stream, one per child.
# Each run cancels that day's lessons (the next run takes another teacher or day); during school
# holidays there is nothing to cancel in the next 7 days and phase 2 cannot run.
# Prints a table and writes bench/results/<date>-timetable.md.
#
#   bench/timetable/run.sh [seconds] [clients]
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"
SECONDS_RUN=${1:-30}
CLIENTS=${2:-16}
platform_and_loadgen

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
LOG=$(mktemp /tmp/timetable-bench.XXXXXX.log)
java -Xmx512m -cp "$CP" fr.ent.bench.platform.TimetableBench --seconds="$SECONDS_RUN" --clients="$CLIENTS" \
  --ent-home="$ENT_HOME" | tee "$LOG"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-timetable.md"
mkdir -p bench/results
{
  echo "# timetable-service through the gateway — ${DATE} $(date -u +%H:%M) UTC"
  echo
  echo "Command: \`bench/timetable/run.sh ${SECONDS_RUN} ${CLIENTS}\` against \`deploy/local/up\` (demo data)."
  echo
  machine
  echo "$(java -version 2>&1 | head -1). The whole platform and the load generator on this one machine."
  echo "Load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER}."
  echo
  grep -E '^(absent teacher|[0-9]+ guardians signed|pupil weeks|teacher absent)' "$LOG" | sed 's/^/    /'
  echo
  sed -n '/^| measure/,$p' "$LOG"
} > "$OUT"
echo "written $OUT"
