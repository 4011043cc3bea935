// The platform as deployed: one row per workload. tools/generate.mjs writes the per-workload
// manifests (base/apps, base/kafka, base/databases, components/*) and the region sizing from this
// table; tools/check.mjs checks the rendered overlays against it and against the sources.
// When a service lands or changes (a topic, a secret, a dependency), change it here and run
// `node deploy/k8s/tools/generate.mjs`.

/** Container registry and the version of the images the base refers to (the Maven version). */
export const IMAGE_REGISTRY = "registry.ent.example/ent";
export const IMAGE_TAG = "0.1.0-SNAPSHOT";

/** Public host names (the region patches these, see README "Host names"). */
export const PUBLIC_HOST = "ent.example";
export const SSO_HOST = "sso.ent.example";

/** Names of the engines' objects. */
export const KAFKA_CLUSTER = "ent-kafka";
export const KEYCLOAK = "ent-keycloak";

/** Graceful shutdown: preStop pause while endpoints drop the pod, then the process's own drain. */
export const PRE_STOP_SECONDS = 5;

/**
 * Sizing: `memory` is request = limit (the JVM's heap is MaxRAMPercentage of it), from the
 * measured peak RSS at -Xmx256m (bench/results/2026-11-23-platform.md) plus headroom;
 * `cpu` is the request of one pod; its limit is twice that.
 * The two that hold the live streams (gateway, notification-service) are sized for their bound of
 * streams per pod (9,500, `GATEWAY_STREAMS_MAX` / `NOTIFICATION_STREAMS_MAX`), with the heap of
 * deploy/local/up: the gateway 1Gi (512 MB heap; at 256 MB, 9,000 streams meant back-to-back full
 * collections), notification-service 2Gi (1 GB heap: the streams' ~250 MB of live state above
 * G1's marking threshold at 512 MB kept concurrent cycles running back to back under load); the
 * other half covers what the streams cost outside the heap (sockets' buffers, Netty's direct
 * memory) above the measured peak RSS with 9,000 streams held (`rssWithStreamsMb`,
 * bench/results/2026-12-07-streams.md). They run G1 (`gc`), the others Serial: with 9,000 streams
 * held, Serial's young collections of 50-115 ms (and a full one of 0.5 s while streams opened)
 * paused every call to the pod; with G1 the event p99 fell from 216-235 to 81-97 ms and an
 * ordinary call's p99 under load from +27-44 to +13-22 ms over idle (bench/results/2026-12-07-streams.md).
 * `region` gives the HPA bounds of the region overlay, derived in README "Sizing the region".
 */
export const workloads = [
  {
    name: "gateway", port: 8080, kind: "gateway",
    memory: "1Gi", cpu: "500m", measuredRssMb: 216, rssWithStreamsMb: 341, gc: "G1",
    shutdownEnv: ["GATEWAY_HTTP_SHUTDOWN_TIMEOUT", "10s"],
    config: {
      GATEWAY_HTTP_SHUTDOWN_TIMEOUT: "10s",
      FRONTEND_ORIGINS: `https://${PUBLIC_HOST}`,
      // calendar apps fetch the private iCalendar feeds without a token (timetable-service)
      GATEWAY_PUBLIC_PATHS: "/api/timetable/feeds/",
      // the portal PUTs files to the object storage with pre-signed URLs: allowed in its CSP's connect-src
      S3_PUBLIC_ENDPOINT: "https://s3.ent.example",
    },
  },
  {
    name: "identity-service", short: "identity", port: 8081, kind: "service",
    memory: "768Mi", cpu: "500m", measuredRssMb: 350,
    db: { env: "IDENTITY", pooler: false },
    publishes: ["ent.identity", "ent.identity.contacts"], consumes: [],
    keycloakAdmin: true, objectStorage: false,
  },
  {
    name: "timetable-service", short: "timetable", port: 8082, kind: "service",
    memory: "512Mi", cpu: "250m", measuredRssMb: 231,
    db: { env: "TIMETABLE", pooler: false },
    publishes: ["ent.timetable"], consumes: ["ent.identity"],
  },
  {
    name: "homework-service", short: "homework", port: 8083, kind: "service",
    memory: "512Mi", cpu: "250m", measuredRssMb: 234,
    db: { env: "HOMEWORK", pooler: false },
    publishes: ["ent.homework"], consumes: ["ent.identity", "ent.timetable"], objectStorage: true,
  },
  {
    name: "attendance-service", short: "attendance", port: 8084, kind: "service",
    memory: "768Mi", cpu: "500m", measuredRssMb: 350,
    db: { env: "ATTENDANCE", pooler: true },
    publishes: ["ent.attendance"], consumes: ["ent.identity", "ent.timetable"], objectStorage: true,
  },
  {
    name: "grades-service", short: "grades", port: 8085, kind: "service",
    memory: "512Mi", cpu: "250m", measuredRssMb: 224,
    db: { env: "GRADES", pooler: false },
    publishes: ["ent.grades"], consumes: ["ent.identity", "ent.attendance"], objectStorage: true,
  },
  {
    name: "messaging-service", short: "messaging", port: 8086, kind: "service",
    memory: "512Mi", cpu: "250m", measuredRssMb: 228,
    db: { env: "MESSAGING", pooler: false },
    publishes: ["ent.messaging"], consumes: ["ent.identity"], objectStorage: true,
  },
  {
    name: "notification-service", short: "notification", port: 8087, kind: "service",
    memory: "2Gi", cpu: "500m", measuredRssMb: 369, rssWithStreamsMb: 692, gc: "G1",
    db: { env: "NOTIFICATION", pooler: true },
    publishes: [], consumes: ["ent.identity", "ent.identity.contacts", "ent.attendance", "ent.timetable", "ent.grades", "ent.homework", "ent.messaging"],
    smtp: true, webPush: true,
  },
];

export const services = workloads.filter((w) => w.kind === "service");

/** Dead-letter topic of a consuming service (libs/events, libs/directory). */
export const dlqOf = (service) => `ent.dlq.${service}`;

/**
 * Kafka topics. Partitions bound the consumers' parallelism (one consumer of a group per
 * partition): at least the region's HPA maximum of every group reading the topic, and a divisor-rich
 * number so that pods share them evenly. Partitions are never reduced and adding some moves keys
 * (order per pupil or school breaks during the change): chosen once, generously.
 */
export function topics() {
  const names = new Map();
  const add = (name, partitions) => names.set(name, Math.max(names.get(name) ?? 0, partitions));
  for (const s of services) {
    for (const t of s.publishes) add(t, 12);
    for (const t of s.consumes) add(t, 12);
    if (s.consumes.length > 0) add(dlqOf(s.name), 3);
  }
  return [...names.entries()].map(([name, partitions]) => ({
    name,
    partitions,
    dlq: name.startsWith("ent.dlq."),
    // events are kept 14 days (a consumer down over a school holiday weekend catches up); dead
    // letters 30 days (someone must look at them)
    retentionMs: name.startsWith("ent.dlq.") ? 30 * 86400000 : 14 * 86400000,
  }));
}
