#!/usr/bin/env bash
# The whole platform under load, through the gateway, with real Keycloak tokens and the demo data
# (deploy/local/up brings it up; this script starts it if it is not running):
#   1. absence recorded -> guardian's SSE event latency p50/p99 at a fixed rate of absences;
#   2. roll-call marks per second; 3. a parent's dashboard reads per second;
#   4. RSS and PSS of every process of the platform at rest and at its peak under load.
# Prints a table and writes bench/results/<date>-platform.md with the machine's description.
#
#   bench/platform/run.sh [seconds per phase] [absences/s] [clients]
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"
SECONDS_RUN=${1:-30}
RATE=${2:-200}
CLIENTS=${3:-16}
platform_and_loadgen

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
LOG=$(mktemp /tmp/platform-bench.XXXXXX.log)
java -Xmx512m -cp "$CP" fr.ent.bench.platform.PlatformBench --seconds="$SECONDS_RUN" --rate="$RATE" \
  --clients="$CLIENTS" --ent-home="$ENT_HOME" | tee "$LOG"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-platform.md"
mkdir -p bench/results
{
  echo "# The whole platform under load — ${DATE} $(date -u +%H:%M) UTC"
  echo
  echo "Command: \`bench/platform/run.sh ${SECONDS_RUN} ${RATE} ${CLIENTS}\` against \`deploy/local/up\` (demo data)."
  echo
  machine
  echo "$(java -version 2>&1 | head -1). Everything on this one machine: Debian PostgreSQL, the Kafka broker, Keycloak"
  echo "(start-dev), GreenMail SMTP, the seven services (\`-Xmx256m -XX:+UseSerialGC\`; notification-service \`-Xmx1g"
  echo "-XX:+UseG1GC\`) and the gateway (\`-Xmx512m -XX:+UseG1GC\`), and the load"
  echo "generator (JDK HttpClient). Every request goes through the gateway (token checked, rate limited) with a"
  echo "Keycloak token of a demo person: teachers take the roll calls, guardians read their dashboards."
  echo "Load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER} (compare figures only at similar load)."
  echo
  echo "Phases, ${SECONDS_RUN} s each: (1) ${RATE} absences/s, sent as whole-class roll calls with 4 pupils absent"
  echo "each, every absent pupil's guardian listening on \`/api/notification/stream\`: latency from sending the roll"
  echo "call to each guardian's event;"
  echo "(2) ${CLIENTS} clients submitting whole-class roll calls as fast as answered; (3) ${CLIENTS} clients reading"
  echo "parents' dashboards (\`/api/identity/me\`, inbox page, unread count, each child's attendance record)."
  echo "Before phase 1, 15 s of unmeasured roll calls warm the JVMs up. Memory: RSS, and PSS (shared pages divided"
  echo "among the processes mapping them; summed RSS counts PostgreSQL's shared buffers once per backend), per process"
  echo "with its children, at rest before the load and the highest figure sampled each second under load."
  echo
  sed -n '/^| measure/,$p' "$LOG"
} > "$OUT"
echo "written $OUT"
# GreenMail (deploy/local) holds every mail in memory: drop those of this run (thousands of absence
# e-mails), so that the local platform keeps room for the next ones
curl -fs -X POST -o /dev/null "http://127.0.0.1:${ENT_MAIL_UI_PORT:-8025}/api/mail/purge" || true
