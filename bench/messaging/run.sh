#!/usr/bin/env bash
# messaging-service through the gateway, with real Keycloak tokens and the demo data of Collège Jean Moulin
# (deploy/local/up brings it up, demo messages included; this script starts it if it is not running):
#   1. messages sent at once by many teachers and guardians (a teacher to a guardian of a pupil they teach,
#      a guardian to a teacher of their child; the rule table checked on each): messages/s, p50/p99, while
#      the recipients read their unread counts at a fixed rate (p50/p99);
#   2. an information from the CPE to every family of the school (~800 guardians receiving communications):
#      time until every family's acknowledgement entry and mailbox copy exist, and until the notice is in
#      every guardian's notification inbox. Issue 19's goal: every inbox and notification within 2 s.
# Each run adds one broadcast to the demo school and leaves the sent messages in the mailboxes.
# Prints a table and writes bench/results/<date>-messaging.md.
#
#   bench/messaging/run.sh [seconds] [clients] [extra options, e.g. --unread-rate=20 --guardians=1000]
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"
SECONDS_RUN=${1:-30}
CLIENTS=${2:-16}
shift $(( $# > 2 ? 2 : $# )) || true
platform_and_loadgen

LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
LOG=$(mktemp /tmp/messaging-bench.XXXXXX.log)
java -Xmx768m -cp "$CP" fr.ent.bench.platform.MessagingBench --seconds="$SECONDS_RUN" --clients="$CLIENTS" \
  --ent-home="$ENT_HOME" "$@" | tee "$LOG"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-messaging.md"
mkdir -p bench/results
{
  echo "# messaging-service through the gateway — ${DATE} $(date -u +%H:%M) UTC"
  echo
  echo "Command: \`bench/messaging/run.sh ${SECONDS_RUN} ${CLIENTS} $*\` against \`deploy/local/up\` (demo data)."
  echo
  machine
  echo "$(java -version 2>&1 | head -1). The whole platform and the load generator on this one machine."
  echo "Load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER}."
  echo
  grep -E '^(directory|messages|broadcast):' "$LOG" | sed 's/^/    /'
  echo
  sed -n '/^| measure/,$p' "$LOG"
} > "$OUT"
echo "written $OUT"
