#!/usr/bin/env bash
# notification-service benchmark, everything real on 127.0.0.1: a throw-away PostgreSQL (Debian's
# server), a Kafka broker (KRaft, its own JVM), notification-service as packaged (quarkus-app), and a
# publisher (NotificationBench.java) that sends CloudEvents like identity-service and attendance-service.
#
#   bench/notification/run.sh                 # writes bench/results/<date>-notification.md
#   RATE=200 SECONDS_AT_RATE=30 RECIPIENTS=3000 bench/notification/run.sh
#   APP=/tmp/copy-of-quarkus-app bench/notification/run.sh # a given build
#   OUT=/tmp/try.md bench/notification/run.sh # results elsewhere
#
# Needs: postgresql-15 (on the image), deploy/kafka-dist/target/lib (./mvnw -pl deploy/kafka-dist install),
# notification-service packaged (done here if target/quarkus-app is missing).
set -euo pipefail
source "$(dirname "$0")/../prelude.sh"

RATE="${RATE:-200}"
SECONDS_AT_RATE="${SECONDS_AT_RATE:-30}"
RECIPIENTS="${RECIPIENTS:-3000}"
PUPILS="${PUPILS:-600}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC}"
WORK="$(mktemp -d /tmp/ent-bench-notification.XXXXXX)"
OUT="${OUT:-$ROOT/bench/results/$(date +%F)-notification.md}"

cleanup() {
  stop_started
  log "logs kept in $WORK"
}
trap cleanup EXIT

# --- builds -----------------------------------------------------------------------------------
APP="${APP:-$ROOT/notification-service/target/quarkus-app}"
if [[ ! -f "$APP/quarkus-run.jar" ]]; then
  log "packaging notification-service"
  (cd "$ROOT" && ./mvnw -B -q -o -pl notification-service install -DskipTests)
fi
KAFKA_LIB="$ROOT/deploy/kafka-dist/target/lib"
[[ -d "$KAFKA_LIB" ]] || (cd "$ROOT" && ./mvnw -B -q -o -pl deploy/kafka-dist install)

# --- PostgreSQL (Debian's server, throw-away cluster) -------------------------------------------
start_postgres -c fsync=off -c synchronous_commit=off -c max_connections=100
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database notification" >/dev/null
log "PostgreSQL on $PG_PORT"

# --- Kafka (KRaft, one node) -------------------------------------------------------------------
K_PORT="$(free_port)"; C_PORT="$(free_port)"
cat >"$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$C_PORT
listeners=PLAINTEXT://127.0.0.1:$K_PORT,CONTROLLER://127.0.0.1:$C_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$K_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$WORK/kafka-logs
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
CLUSTER_ID="$(java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$WORK/server.properties" --ignore-formatted >"$WORK/kafka-format.log" 2>&1
java -Xmx512m -XX:+UseSerialGC -cp "$KAFKA_LIB/*" kafka.Kafka "$WORK/server.properties" >"$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_port "$K_PORT" 60
log "Kafka on $K_PORT"

# --- notification-service --------------------------------------------------------------------
HTTP_PORT="$(free_port)"
NOTIFICATION_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/notification" \
NOTIFICATION_DB_USER=postgres NOTIFICATION_DB_PASSWORD=postgres \
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$K_PORT" \
QUARKUS_HTTP_PORT="$HTTP_PORT" \
QUARKUS_MAILER_MOCK=true \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
QUARKUS_LOG_CATEGORY__IO_QUARKUS_MAILER__LEVEL=WARN \
  java $SERVICE_JAVA_OPTS -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
PIDS+=($!)
wait_port "$HTTP_PORT" 120
log "notification-service on $HTTP_PORT"

# --- the publisher -----------------------------------------------------------------------------
mkdir -p "$ROOT/bench/results"
java -Xmx256m -cp "$APP/lib/main/*" "$ROOT/bench/notification/NotificationBench.java" \
  "bootstrap=127.0.0.1:$K_PORT" "jdbc=jdbc:postgresql://127.0.0.1:$PG_PORT/notification" \
  "recipients=$RECIPIENTS" "pupils=$PUPILS" "rate=$RATE" "seconds=$SECONDS_AT_RATE" "out=$OUT" 2> >(tee "$WORK/bench.log" >&2)
cat "$OUT"
