#!/usr/bin/env bash
# Roll-call benchmark of attendance-service: real PostgreSQL and Kafka (libs/test-servers), the
# service on 127.0.0.1, concurrent teachers submitting the roll calls of 30-pupil classes for a
# bounded time. Prints marks/s (with their entries and outbox events) and writes
# bench/results/<date>-attendance.md.
#
#   bench/attendance/run.sh [seconds] [clients] [classes]
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"
SECONDS_RUN=${1:-30}
CLIENTS=${2:-16}
CLASSES=${3:-100}
LOG=$(mktemp /tmp/attendance-bench.XXXXXX.log)
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)

./mvnw -B -q -o -pl attendance-service test -Dtest=RollCallBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.seconds="$SECONDS_RUN" -Dbench.clients="$CLIENTS" -Dbench.classes="$CLASSES" >"$LOG" 2>&1 || {
  echo "benchmark failed, see $LOG"; tail -50 "$LOG"; exit 1; }

LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)
grep 'BENCH-' "$LOG" | sed 's/^BENCH-RESULT //'
MARKS=$(grep -o 'marks_per_s=[0-9]*' "$LOG" | cut -d= -f2)
echo "attendance roll call: ${MARKS} marks/s persisted (goal >= 8000)"

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-attendance.md"
mkdir -p bench/results
{
  echo "# attendance-service roll-call benchmark — ${DATE}"
  echo
  echo "Command: \`bench/attendance/run.sh ${SECONDS_RUN} ${CLIENTS} ${CLASSES}\`"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)."
  echo "Everything on this one machine: PostgreSQL (embedded, fsync off as in tests), the Kafka broker,"
  echo "attendance-service (Quarkus test mode, 768 MB heap) and the load generator (JDK HttpClient, same JVM)."
  echo "Load average of the machine before / after the run: ${LOAD_BEFORE} / ${LOAD_AFTER} (other jobs"
  echo "running at the same time take their share of the 2 cores: compare figures only at similar load)."
  echo
  echo "Load: ${CLIENTS} concurrent teachers, ${CLASSES} classes of 30 pupils, one POST /api/attendance/registers per"
  echo "lesson (open + whole-class roll call, Idempotency-Key, bearer token checked), ~6% absent, 3% late,"
  echo "1% leaving early; each non-present mark writes an entry and an outbox event in the same transaction."
  echo
  echo '```'
  grep 'BENCH-' "$LOG" | sed 's/^BENCH-RESULT //'
  echo '```'
  echo
  echo "**${MARKS} marks persisted per second** (goal ≥ 8,000)."
} >"$OUT"
echo "written $OUT"
