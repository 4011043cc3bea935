#!/usr/bin/env bash
# Gateway benchmark: direct to a service vs through nginx vs through our gateway (with token checks),
# on a cheap endpoint and a realistic one (a PostgreSQL primary-key read). Everything on 127.0.0.1.
#
#   bench/gateway/run.sh                  # build what is missing, run, write bench/results/<date>-gateway.md
#   DURATION=15s CONNECTIONS=32 bench/gateway/run.sh
#   GATEWAY_JAVA_OPTS="-Xmx256m ..." bench/gateway/run.sh
#
# Needs: Debian's wrk and nginx (installed with apt-get if missing), postgresql-15 (on the image),
# the gateway built (./mvnw -pl gateway install; done here if target/quarkus-app is missing).
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"

DURATION="${DURATION:-5s}"     # per slice; ROUNDS slices per case, interleaved (direct, nginx, gateway, ...)
ROUNDS="${ROUNDS:-5}"   # medians of 5: a VM hiccup in one slice does not decide a figure
# The JVM's JIT is still compiling after 8 s of load (the gateway's CPU per call then still drops from
# one slice to the next): 20 s brings it to its steady state, which is what is compared.
WARMUP="${WARMUP:-20s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:TieredStopAtLevel=4}"
GATEWAY_EVENT_LOOPS="${GATEWAY_EVENT_LOOPS:-2}"
GATEWAY_EXTRA_OPTS="${GATEWAY_EXTRA_OPTS:-}"
GATEWAY_JAVA="${GATEWAY_JAVA:-java}"   # e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
BACKEND_POOL="${BACKEND_POOL:-8}"
ISSUER="https://bench.ent.local/realms/ent"
WORK="$(mktemp -d /tmp/ent-bench-gateway.XXXXXX)"

cleanup() {
  stop_started
  if [[ -n "$PG_DATA" ]]; then rm -rf "$PG_DATA"; fi
  # Access logs grow by hundreds of MB per run: keep only their tails.
  for f in "$WORK/gateway.log" "$WORK/nginx/access.log"; do
    [[ -f "$f" ]] && tail -n 2000 "$f" > "$f.tail" && rm -f "$f"
  done
  log "logs kept in $WORK"
}
trap cleanup EXIT

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
if ((${#missing[@]})); then
  log "installing ${missing[*]} with apt-get"
  # Keep Debian's post-install from starting a system nginx on port 80.
  policy_added=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; policy_added=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
  ((policy_added)) && rm -f /usr/sbin/policy-rc.d
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

# --- builds -----------------------------------------------------------------------------------
if [[ ! -f "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" ]]; then
  log "building the gateway"
  (cd "$ROOT" && ./mvnw -B -q -o -pl gateway install -DskipTests)
fi
log "building the bench backend"
(cd "$ROOT" && ./mvnw -B -q -o -f bench/gateway/backend/pom.xml package)
BACKEND_CP="$ROOT/bench/gateway/backend/target/classes:$ROOT/bench/gateway/backend/target/lib/*"

# --- PostgreSQL (Debian's server, throw-away cluster) -------------------------------------------
start_postgres -c shared_buffers=128MB -c fsync=off
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 "$@"; }
psql_ -c "create table pupil (id bigint primary key, first_name text not null, last_name text not null,
            class_name text not null, birth_date date not null);
          insert into pupil select g, 'Prénom' || g, 'Nom' || g, '4e' || (g % 8), date '2012-01-01' + (g % 365)
            from generate_series(1, 100000) g;
          analyze pupil;"
log "PostgreSQL on $PG_PORT with 100000 pupils"

# --- backend, realm (keys + token), nginx, gateway ----------------------------------------------
java -cp "$BACKEND_CP" fr.ent.bench.BenchRealm "$WORK/realm" "$ISSUER"
TOKEN="$(cat "$WORK/realm/token.txt")"

BACKEND_PORT="$(free_port)"
java -Xms128m -Xmx128m -cp "$BACKEND_CP" fr.ent.bench.Backend "$BACKEND_PORT" \
  "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" "$BACKEND_POOL" > "$WORK/backend.log" 2>&1 &
PIDS+=($!)

NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx/tmp" && chmod -R 777 "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log $WORK/nginx/access.log combined buffer=64k flush=1s;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
EOF
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
NGINX_PID=$!

GATEWAY_PORT="$(free_port)"
# shellcheck disable=SC2086
"$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS $GATEWAY_EXTRA_OPTS \
  -Dgateway.http.host=127.0.0.1 -Dgateway.http.port="$GATEWAY_PORT" -Dquarkus.http.port=0 \
  -Dquarkus.vertx.event-loops-pool-size="$GATEWAY_EVENT_LOOPS" \
  -Dgateway.token.jwks-location="$WORK/realm/jwks.json" \
  -Dgateway.token.issuer="$ISSUER" \
  -Dgateway.routes.bench.targets="http://127.0.0.1:$BACKEND_PORT" \
  -Dgateway.routes.bench.rate-limit.user-per-second=1000000 \
  -Dgateway.routes.bench.rate-limit.user-burst=1000000 \
  -jar "$ROOT/gateway/target/quarkus-app/quarkus-run.jar" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!

wait_http "http://127.0.0.1:$BACKEND_PORT/api/bench/ping" 30
wait_http "http://127.0.0.1:$NGINX_PORT/api/bench/ping" 30
wait_http "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" 60
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$GATEWAY_PORT/api/bench/pupils/4242" >/dev/null \
  || { log "the gateway refuses the bench token"; tail -20 "$WORK/gateway.log"; exit 1; }

# --- measure ----------------------------------------------------------------------------------
to_ms() { # wrk latency (850.00us, 1.23ms, 1.02s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# CPU time (user + system, in clock ticks) of a process and its children threads/processes.
TICK="$(getconf CLK_TCK)"
cpu_ticks() { # pids...
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
proxy_pids() { # via -> pids whose CPU is the proxy's
  case "$1" in
    nginx) echo "$NGINX_PID $(ps --ppid "$NGINX_PID" -o pid= | tr '\n' ' ')" ;;
    gateway) echo "$GATEWAY_PID" ;;
    *) echo "" ;;
  esac
}

declare -A RPS P50 P99 CPU
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
run_wrk() { # name, url, duration -> prints "rps p50 p99 requests cpu_us_per_request"
  local out pids before after requests
  pids="$(proxy_pids "${1%%-*}")"
  before="$(cpu_ticks $pids)"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "Authorization: Bearer $TOKEN" "$2")"
  after="$(cpu_ticks $pids)"
  echo "$out" >> "$WORK/wrk-$1.txt"
  if grep -q 'Non-2xx' <<<"$out"; then log "$1: non-2xx answers!"; grep 'Non-2xx' <<<"$out" >&2; fi
  requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
  printf '%s %s %s %s %s\n' \
    "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" \
    "$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" \
    "$requests" \
    "$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$requests" 'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }')"
}

declare -A BASE=([direct]="http://127.0.0.1:$BACKEND_PORT" [nginx]="http://127.0.0.1:$NGINX_PORT"
                 [gateway]="http://127.0.0.1:$GATEWAY_PORT")
declare -A ENDPOINT=([cheap]="/api/bench/ping" [db]="/api/bench/pupils/4242")
VIAS="${VIAS:-direct nginx gateway}"
ENDPOINTS="${ENDPOINTS:-cheap db}"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for endpoint in $ENDPOINTS; do
  for via in $VIAS; do
    log "warm-up $via $endpoint ($WARMUP)"
    run_wrk "$via-warmup-$endpoint" "${BASE[$via]}${ENDPOINT[$endpoint]}" "$WARMUP" > /dev/null
  done
  declare -A R_RPS=() R_P50=() R_P99=() R_CPU=()
  for round in $(seq "$ROUNDS"); do
    for via in $VIAS; do
      read -r rps p50 p99 _ cpu < <(run_wrk "$via-$endpoint" "${BASE[$via]}${ENDPOINT[$endpoint]}" "$DURATION")
      log "round $round $via $endpoint: $rps req/s, p50 $p50 ms, p99 $p99 ms, proxy CPU $cpu µs/req"
      R_RPS[$via]+="$rps "; R_P50[$via]+="$p50 "; R_P99[$via]+="$p99 "; R_CPU[$via]+="$cpu "
    done
  done
  for via in $VIAS; do
    k="$via-$endpoint"
    RPS[$k]="$(median <<<"${R_RPS[$via]}")"; P50[$k]="$(median <<<"${R_P50[$via]}")"
    P99[$k]="$(median <<<"${R_P99[$via]}")"; CPU[$k]="$(median <<<"${R_CPU[$via]}")"
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report -----------------------------------------------------------------------------------
DAY="$(date -u +%F)"
mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/$DAY-gateway.md"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
delta() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f", a - b }'; }
{
  echo "# Gateway benchmark — $(date -u '+%F %H:%M') UTC"
  echo
  echo "One machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), everything on 127.0.0.1:"
  echo "wrk, PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), the backend (Vert.x + JDBC, pool $BACKEND_POOL),"
  echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///') (2 workers, upstream keep-alive, access log buffered) and the gateway"
  echo "($("$GATEWAY_JAVA" -version 2>&1 | head -1 | tr -d '"'), \`$GATEWAY_JAVA_OPTS\`, $GATEWAY_EVENT_LOOPS event loops, access log on,"
  echo "token verified (RS256, cached) and rate limit checked on every call)."
  echo "wrk: $THREADS threads, $CONNECTIONS connections; per case a $WARMUP warm-up, then $ROUNDS slices of $DURATION"
  echo "interleaved with the other cases (direct, nginx, gateway, direct, ...); figures are the median slice."
  echo "Every request carries the same bearer token (ignored by the backend and nginx)."
  echo "Proxy CPU = user+system CPU time of the proxy's processes during the slice / requests served."
  echo "Load average before/after: $LOAD_BEFORE / $LOAD_AFTER (the machine is shared: other builds may run)."
  echo
  echo "| endpoint | via | req/s | p50 ms | p99 ms | proxy CPU µs/req | throughput vs nginx | p99 vs nginx (ms) |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for endpoint in $ENDPOINTS; do
    for via in $VIAS; do
      k="$via-$endpoint"
      echo "| $endpoint \`${ENDPOINT[$endpoint]}\` | $via | ${RPS[$k]} | ${P50[$k]} | ${P99[$k]} | $([[ $via == direct ]] && echo - || echo "${CPU[$k]}") | $(ratio "${RPS[$k]}" "${RPS[nginx-$endpoint]}")× | $(delta "${P99[$k]}" "${P99[nginx-$endpoint]}") |"
    done
  done
  echo
  r="$(ratio "${RPS[gateway-db]}" "${RPS[nginx-db]}")"
  d="$(delta "${P99[gateway-db]}" "${P99[nginx-db]}")"
  ok_r="$(awk -v r="$r" 'BEGIN { print (r >= 0.9) ? "met" : "NOT met" }')"
  ok_d="$(awk -v d="$d" 'BEGIN { print (d <= 2.0) ? "met" : "NOT met" }')"
  echo "Goal on the realistic endpoint (db): gateway ≥ 0.9× nginx throughput: **$r× ($ok_r)**;"
  echo "p99 within 2 ms of nginx: **$d ms ($ok_d)**."
} > "$OUT"
cat "$OUT"
log "written to $OUT"
