# Sourced by every bench/*/run.sh (`source "$(dirname "$0")/../prelude.sh"`), after `set -euo pipefail`:
# goes to the clone's root and sets ROOT and ENT_HOME (deploy/local/up's folder, .local by default);
# defines what the benchmarks share:
#   log MESSAGE...           a time-stamped line on stderr
#   free_port                a free TCP port of 127.0.0.1
#   wait_http URL SECONDS    until URL answers 2xx; wait_port PORT SECONDS   until PORT accepts connections
#   start_postgres OPTS...   a throw-away cluster of Debian's PostgreSQL in $WORK (PG_BIN, PG_PORT, PG_DATA)
#   stop_started             kills the processes of PIDS and stops that cluster (call it from the EXIT trap)
#   platform_and_loadgen     deploy/local/up's platform running (started if not), the load generator
#                            (bench/platform/loadgen) built, CP its class path
#   machine                  "Machine: N cores (CPU), M GiB," for the results file
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ENT_HOME=${ENT_HOME:-$ROOT/.local}
PIDS=()
PG_DATA=""

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_http() { # url, seconds
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ((SECONDS > deadline)); then log "timeout waiting for $url"; return 1; fi
    sleep 0.2
  done
}

wait_port() { # port, seconds
  local deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    if ((SECONDS > deadline)); then log "timeout waiting for port $1"; return 1; fi
    sleep 0.2
  done
}

start_postgres() { # extra server options (-c name=value ...)
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_PORT="$(free_port)"
  PG_DATA="$WORK/pgdata"
  mkdir -p "$PG_DATA" && chown postgres "$WORK" "$PG_DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$WORK/postgres.log" \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 $*" start >/dev/null
}

stop_started() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$PG_DATA" ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

platform_and_loadgen() {
  if ! curl -fs -o /dev/null --max-time 2 http://localhost:8080/q/health/ready; then
    echo "the platform is not up: starting it (deploy/local/up)"
    "$ROOT/deploy/local/up"
  fi
  ./mvnw -B -q -o -f bench/platform/loadgen/pom.xml package 2>/dev/null || ./mvnw -B -q -f bench/platform/loadgen/pom.xml package
  CP="bench/platform/loadgen/target/classes:$(ls bench/platform/loadgen/target/lib/*.jar | tr '\n' ':')"
}

machine() {
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB,"
}
