# Shared by up, down and status: where the local platform keeps its state, and how it
# starts, finds and stops its own processes (and only those).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENT_HOME=${ENT_HOME:-$ROOT/.local}
LOGS=$ENT_HOME/logs
PIDS=$ENT_HOME/pids
DATA=$ENT_HOME/data
mkdir -p "$LOGS" "$PIDS" "$DATA"

PG_PORT=${ENT_PG_PORT:-15432}
KAFKA_PORT=${ENT_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${ENT_KAFKA_CONTROLLER_PORT:-9093}
KEYCLOAK_PORT=${ENT_KEYCLOAK_PORT:-8180}
KEYCLOAK_MGMT_PORT=${ENT_KEYCLOAK_MGMT_PORT:-9180}
SMTP_PORT=${ENT_SMTP_PORT:-3025}
MAIL_UI_PORT=${ENT_MAIL_UI_PORT:-8025}
# the S3 server (s3proxy) that holds the services' files; pre-signed URLs name this address
S3_PORT=${ENT_S3_PORT:-9000}
S3_ACCESS_KEY=ent-local
S3_SECRET_KEY=ent-local-secret-key
GATEWAY_PORT=8080
KEYCLOAK_VERSION=26.7.3
GREENMAIL_VERSION=2.1.13

# name:port of every service, in start order
SERVICES="identity:8081 timetable:8082 homework:8083 attendance:8084 grades:8085 messaging:8086 notification:8087"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# running NAME: true when the process recorded for NAME is alive
running() {
  local f=$PIDS/$1.pid
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# launch NAME COMMAND...: starts COMMAND in its own session, logs to $LOGS/NAME.log, records its pid.
# The previous run's log is kept as NAME.log.1 (one generation), so logs do not grow across runs.
launch() {
  local name=$1; shift
  if running "$name"; then
    log "$name already running (pid $(cat "$PIDS/$name.pid"))"
    return 0
  fi
  [ -s "$LOGS/$name.log" ] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  setsid nohup "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
  log "$name started (pid $!, log $LOGS/$name.log)"
}

# wait_http NAME URL SECONDS: waits until URL answers 2xx
wait_http() {
  local name=$1 url=$2 limit=${3:-120} waited=0
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ! running "$name"; then
      log "$name died; last lines of $LOGS/$name.log:"; tail -n 30 "$LOGS/$name.log" >&2; return 1
    fi
    sleep 1; waited=$((waited + 1))
    if [ "$waited" -ge "$limit" ]; then log "$name not ready after ${limit}s ($url)"; return 1; fi
  done
}

# wait_port NAME PORT SECONDS
wait_port() {
  local name=$1 port=$2 limit=${3:-60} waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ! running "$name"; then
      log "$name died; last lines of $LOGS/$name.log:"; tail -n 30 "$LOGS/$name.log" >&2; return 1
    fi
    sleep 0.5; waited=$((waited + 1))
    if [ "$waited" -ge $((limit * 2)) ]; then log "$name did not open port $port"; return 1; fi
  done
}

# stop NAME: stops the recorded process group gracefully, then forcibly
stop() {
  local name=$1 f=$PIDS/$1.pid
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    log "$name stopped"
  fi
  rm -f "$f"
}

# PostgreSQL refuses to run as root, and the postgres account may not reach $DATA (a home or a
# mktemp directory is closed to others): as root the cluster and its log live under /var/lib/ent-local.
if [ "$(id -u)" = 0 ]; then
  PG_DIR=/var/lib/ent-local/$(printf %s "$ENT_HOME" | cksum | cut -d' ' -f1)
else
  PG_DIR=$DATA/pg
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# as_pg COMMAND...: PostgreSQL refuses to run as root; use the postgres account then
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
