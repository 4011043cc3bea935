#!/usr/bin/env bash
# Live notification streams at scale, through the gateway (issue 22), on the platform of deploy/local/up:
# opens streams for the demo guardians of Collège Jean Moulin (several per guardian) at a steady pace
# up to a target, records absences of their children, and reports streams held, absence -> event
# latency p50/p99 on the streams concerned, GET /api/notification/inbox/unread-count p50/p99 idle and
# while the streams are held, and RSS of the gateway and notification-service per 1,000 streams.
# Writes bench/results/<date>-streams.md.
#
#   bench/streams/run.sh [streams] [open per second] [seconds measured] [absences per second] [probes per second]
#
# The unread-count p99 is read from probes/s x seconds samples per phase (600 by default): at 600, it
# moves by about 10 ms from run to run; 50/s over 30 s (1,500) steadies it.
#
# What bounds the number of streams: the open files of each process (20,000 here, `ulimit -n`): the
# gateway holds two per stream (client + service), notification-service one, this load generator one;
# then gateway.streams.max and ent.notification.stream.max-open (9,500 each by default). The per-person
# rate limit (20/s, burst 100) is not reached: streams are spread over the guardians (about 12 each).
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"
STREAMS=${1:-9000}
OPEN_RATE=${2:-300}
SECONDS_RUN=${3:-30}
ABSENCES=${4:-20}
PROBES=${5:-20}
platform_and_loadgen

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fds() { local f="$ENT_HOME/pids/$1.pid"; [ -f "$f" ] && grep 'open files' "/proc/$(cat "$f")/limits" | awk '{print $4}' || echo "?"; }
LIMITS="open files allowed: gateway $(fds gateway), notification-service $(fds notification), load generator $(ulimit -n)"
LOAD_BEFORE=$(cut -d" " -f1-3 /proc/loadavg)
LOG=$(mktemp /tmp/streams-bench.XXXXXX.log)
# The JDK client reads every stream on its selector thread: no thread per stream here either.
java -Xmx1g -cp "$CP" fr.ent.bench.platform.StreamsBench \
  --streams="$STREAMS" --open-rate="$OPEN_RATE" --seconds="$SECONDS_RUN" --absences="$ABSENCES" --probes="$PROBES" \
  --ent-home="$ENT_HOME" | tee "$LOG"
LOAD_AFTER=$(cut -d" " -f1-3 /proc/loadavg)

DATE=$(date -u +%Y-%m-%d)
OUT="bench/results/${DATE}-streams.md"
mkdir -p bench/results
{
  echo "# Live notification streams at scale — ${DATE} $(date -u +%H:%M) UTC"
  echo
  echo "Command: \`bench/streams/run.sh ${STREAMS} ${OPEN_RATE} ${SECONDS_RUN} ${ABSENCES} ${PROBES}\` against \`deploy/local/up\` (demo data)."
  echo
  machine
  echo "$(java -version 2>&1 | head -1). Everything on this one machine (PostgreSQL, Kafka, Keycloak, the services,"
  echo "the gateway, the load generator). ${LIMITS}."
  echo "Load average before / after: ${LOAD_BEFORE} / ${LOAD_AFTER}."
  echo
  echo "Streams are opened through the gateway with Keycloak tokens of demo guardians, ${OPEN_RATE}/s, spread over"
  echo "the guardians; then, for ${SECONDS_RUN} s, ${ABSENCES} roll calls a second each mark one of their children"
  echo "absent, and the latency runs from sending the roll call to the event on each open stream of the pupil's"
  echo "guardians. The unread-count call is measured at a fixed rate, from an HTTP client of its own (as another"
  echo "family's phone), before the streams (idle), while they are held, and while they are held and the absences"
  echo "flow. RSS is sampled before the streams and once they are all open."
  echo
  sed -n '/^| measure/,$p' "$LOG"
} > "$OUT"
echo "written $OUT"
# GreenMail (deploy/local) holds every mail in memory: drop those of this run (thousands of absence
# e-mails), so that the local platform keeps room for the next ones
curl -fs -X POST -o /dev/null "http://127.0.0.1:${ENT_MAIL_UI_PORT:-8025}/api/mail/purge" || true
