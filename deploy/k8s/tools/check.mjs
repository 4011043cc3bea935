// The test of deploy/k8s (run by `./mvnw verify` in this module, or `npm test` here):
// 1. the generated files are up to date (tools/generate.mjs --check);
// 2. every overlay renders with `kubectl kustomize`;
// 3. every rendered object is valid against its schema, offline: Kubernetes' own kinds, cert-manager,
//    Gateway API and Prometheus Operator from the kubernetes-models packages (package-lock.json),
//    Strimzi, CloudNativePG, its Barman Cloud plugin and Keycloak from schemas/*.json;
// 4. the platform's rules hold on every workload and engine (README "What the test checks").
// Prints each failure, then "N passed, M failed"; exits 1 on any failure.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import YAML from "yaml";
import Ajv from "ajv";
import { K8S, REPO, stale, parseSeconds, bucketCors, buckets } from "./generate.mjs";
import { workloads, services, topics as plannedTopics, dlqOf, IMAGE_TAG, PRE_STOP_SECONDS } from "./platform.mjs";

let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  return ok;
}

// --- 1. generated files ------------------------------------------------------------------------
const out = stale();
check(out.length === 0, `generated files out of date (run node deploy/k8s/tools/generate.mjs): ${out.join(", ")}`);

// the object storage's CORS: the portal's origin (the gateway's FRONTEND_ORIGINS), on every bucket the README sets
{
  const gateway = workloads.find((w) => w.kind === "gateway");
  check(JSON.stringify(bucketCors().CORSRules[0].AllowedOrigins) === JSON.stringify([gateway.config.FRONTEND_ORIGINS]),
    "object-storage/bucket-cors.json: AllowedOrigins must be the portal's origin (the gateway's FRONTEND_ORIGINS)");
  const readme = readFileSync(join(K8S, "README.md"), "utf8");
  for (const b of buckets()) check(readme.includes(b), `README.md "Object storage": bucket ${b} is not listed with its CORS rules`);
}

// --- schemas ------------------------------------------------------------------------------------
const ajv = new Ajv({ allErrors: true, strict: false });
const crdSchemas = new Map();
for (const f of readdirSync(join(K8S, "schemas")).filter((n) => n.endsWith(".json"))) {
  const { kinds } = JSON.parse(readFileSync(join(K8S, "schemas", f), "utf8"));
  for (const [kind, schema] of Object.entries(kinds)) {
    crdSchemas.set(`${schema.properties.apiVersion.const}/${kind}`, { file: f, validate: ajv.compile(schema) });
  }
}
const modelPackages = {
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
async function validate(o) {
  const key = `${o.apiVersion}/${o.kind}`;
  const crd = crdSchemas.get(key);
  if (crd) {
    if (crd.validate(o)) return null;
    return crd.validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`).join("; ");
  }
  const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : ["", o.apiVersion];
  const pkg = group === "" || group.endsWith(".k8s.io") && !modelPackages[group] || ["apps", "policy", "autoscaling", "batch"].includes(group)
    ? `kubernetes-models/${group ? group + "/" : ""}${version}/${o.kind}`
    : modelPackages[group] ? `${modelPackages[group]}/${group}/${version}/${o.kind}` : null;
  if (!pkg) return `no schema for ${key}`;
  let Model;
  try {
    Model = (await import(pkg))[o.kind];
  } catch (e) {
    return `no schema for ${key} (${pkg})`;
  }
  try {
    new Model(o).validate();
    return null;
  } catch (e) {
    return e.message;
  }
}

// --- what the sources say -----------------------------------------------------------------------
function walk(dir, pred, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const n of readdirSync(dir)) {
    if (n === "node_modules" || n === "target" || n.startsWith(".")) continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}
const read = (p) => readFileSync(p, "utf8");
const pomOf = (dir) => (existsSync(join(dir, "pom.xml")) ? read(join(dir, "pom.xml")) : "");
const artifactId = (pom) => /<\/parent>[\s\S]*?<artifactId>([^<]+)<\/artifactId>/.exec(pom)?.[1];
const libs = readdirSync(join(REPO, "libs")).map((n) => join(REPO, "libs", n)).filter((d) => existsSync(join(d, "pom.xml")));

/** Topics the code and configuration name: event contracts' constants, channels' topic= values. */
function sourceTopics() {
  const found = new Map(); // topic -> where
  for (const f of walk(join(REPO, "libs/event-contracts/src/main"), (p) => p.endsWith(".java"))) {
    for (const m of read(f).matchAll(/"(ent\.[a-z][a-z0-9.-]*)"/g)) found.set(m[1], relative(REPO, f));
  }
  const expand = (value, file, dir) => {
    if (!value.includes("${quarkus.application.name}")) return [value];
    // a library's default: one topic per service that depends on that library
    const lib = artifactId(pomOf(dir));
    return services.filter((s) => pomOf(join(REPO, s.name)).includes(`<artifactId>${lib}</artifactId>`))
      .map((s) => value.replace("${quarkus.application.name}", s.name));
  };
  const propFiles = [
    ...workloads.map((w) => [join(REPO, w.name, "src/main/resources/application.properties"), join(REPO, w.name)]),
    ...libs.map((d) => [join(d, "src/main/resources/META-INF/microprofile-config.properties"), d]),
  ];
  for (const [f, dir] of propFiles) {
    if (!existsSync(f)) continue;
    for (const m of read(f).matchAll(/^[^#\s][^=]*\.topic\s*=\s*(\S+)\s*$/gm)) {
      for (const t of expand(m[1], f, dir)) found.set(t, relative(REPO, f));
    }
  }
  return found;
}

/** The Secrets README.md documents (first column of the table under "## Secrets"). */
function documentedSecrets() {
  const readme = read(join(K8S, "README.md"));
  const section = readme.split(/^## /m).find((s) => s.startsWith("Secrets"));
  if (!section) return new Set();
  return new Set([...section.matchAll(/^\| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]));
}

function mavenVersion() {
  const pom = read(join(REPO, "pom.xml"));
  return /<artifactId>ent-parent<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom)?.[1];
}

function props(file) {
  const map = {};
  if (!existsSync(file)) return map;
  for (const line of read(file).split("\n")) {
    const m = /^([^#\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) map[m[1]] = m[2];
  }
  return map;
}

// --- 2. render ----------------------------------------------------------------------------------
const kubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" });
const overlays = readdirSync(join(K8S, "overlays")).filter((n) => existsSync(join(K8S, "overlays", n, "kustomization.yaml")));
const rendered = {};
if (kubectl.error) {
  console.log("SKIPPED rendering: kubectl is not on this machine (install kubectl 1.30+ with Kustomize 5, README \"Prerequisites\")");
} else {
  for (const o of overlays) {
    const r = spawnSync("kubectl", ["kustomize", join(K8S, "overlays", o)], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (!check(r.status === 0, `overlay ${o} does not render: ${r.stderr}`)) continue;
    rendered[o] = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS()).filter(Boolean);
  }
}

// --- 3 and 4. each overlay ----------------------------------------------------------------------
const secretLike = /(PASSWORD|SECRET|TOKEN|JAAS|ACCESS_KEY|PRIVATE)/i;
const topicSources = sourceTopics();
const documented = documentedSecrets();
check(documented.size > 0, "README.md has no \"## Secrets\" table");
check(mavenVersion() === IMAGE_TAG, `base image tag ${IMAGE_TAG} is not the Maven version ${mavenVersion()} (tools/platform.mjs IMAGE_TAG)`);

// the platform table against the poms: who consumes identity events
for (const s of services) {
  const usesDirectory = pomOf(join(REPO, s.name)).includes("<artifactId>ent-directory</artifactId>");
  check(!usesDirectory || s.consumes.includes("ent.identity"), `${s.name} depends on libs/directory: add ent.identity to its consumes in tools/platform.mjs`);
}
// every topic the sources name is planned (has its KafkaTopic in the base)
const planned = new Set(plannedTopics().map((t) => t.name));
for (const [t, where] of topicSources) check(planned.has(t), `topic ${t} (${where}) has no KafkaTopic: add it to tools/platform.mjs`);

// Jib: every workload's image is the one its build makes, and CI never builds images
for (const w of workloads) {
  const p = props(join(REPO, w.name, "src/main/resources/application.properties"));
  check(p["quarkus.container-image.build"] === "false", `${w.name}: quarkus.container-image.build=false missing in application.properties`);
  const image = [p["quarkus.container-image.registry"], p["quarkus.container-image.group"], p["quarkus.container-image.name"] ?? w.name].join("/");
  const expected = workloads.length && `registry.ent.example/ent/${w.name}`;
  check(image === expected, `${w.name}: Jib image ${image} is not the manifests' ${expected}`);
}

const counts = {};
for (const [overlay, objects] of Object.entries(rendered)) {
  const where = (o) => `${overlay}: ${o.kind}/${o.metadata?.name}`;
  const byKind = (k) => objects.filter((o) => o.kind === k);
  const named = (k, n) => objects.find((o) => o.kind === k && o.metadata.name === n);
  counts[overlay] = {};
  for (const o of objects) counts[overlay][o.kind] = (counts[overlay][o.kind] ?? 0) + 1;

  for (const o of objects) {
    const err = await validate(o);
    check(err === null, `${where(o)} invalid: ${err}`);
  }
  check(byKind("Secret").length === 0, `${overlay}: renders Secrets (${byKind("Secret").map((s) => s.metadata.name)}): Secrets are never in the manifests`);

  // Secrets referenced anywhere
  const refs = new Map();
  const ref = (name, o) => refs.set(name, where(o));
  const matches = (sel, labels) => Object.entries(sel ?? {}).every(([k, v]) => labels?.[k] === v);
  for (const o of objects) {
    const walkRefs = (x) => {
      if (Array.isArray(x)) return x.forEach(walkRefs);
      if (!x || typeof x !== "object") return;
      if (x.secretKeyRef) ref(x.secretKeyRef.name, o);
      if (x.secretRef?.name) ref(x.secretRef.name, o);
      if (x.secret?.secretName) ref(x.secret.secretName, o);
      for (const v of Object.values(x)) walkRefs(v);
    };
    walkRefs(o.spec);
    if (o.kind === "ObjectStore") for (const c of Object.values(o.spec.configuration.s3Credentials ?? {})) if (c?.name) ref(c.name, o);
    if (o.kind === "Keycloak") {
      ref(o.spec.db.usernameSecret.name, o);
      ref(o.spec.db.passwordSecret.name, o);
      if (o.spec.bootstrapAdmin?.user?.secret) ref(o.spec.bootstrapAdmin.user.secret, o);
    }
    if (o.kind === "KeycloakRealmImport") for (const p of Object.values(o.spec.placeholders ?? {})) ref(p.secret.name, o);
    if (o.kind === "Gateway") for (const l of o.spec.listeners) for (const c of l.tls?.certificateRefs ?? []) ref(c.name, o);
    if (o.kind === "Certificate") ref(o.spec.secretName, o);
    if (o.kind === "ConfigMap") {
      for (const [k, v] of Object.entries(o.data ?? {})) {
        check(!secretLike.test(k), `${where(o)} holds ${k}: a secret belongs in a Secret`);
        check(!/password\s*=\s*(?!\$\{)\S/i.test(v), `${where(o)} ${k} holds a password`);
      }
    }
  }
  for (const [name, by] of refs) check(documented.has(name), `Secret ${name} (referenced by ${by}) is not in README "Secrets"`);
  for (const name of documented) check(refs.has(name), `${overlay}: README "Secrets" lists ${name}, which nothing references`);

  // workloads
  const hpas = byKind("HorizontalPodAutoscaler");
  const policies = byKind("NetworkPolicy");
  const monitors = byKind("ServiceMonitor");
  const maxReplicas = {};
  for (const w of workloads) {
    const d = named("Deployment", w.name);
    if (!check(d, `${overlay}: no Deployment ${w.name}`)) continue;
    const at = where(d);
    const pod = d.spec.template.spec;
    const labels = d.spec.template.metadata.labels;
    check(d.spec.strategy?.rollingUpdate?.maxUnavailable === 0, `${at}: rolling update without maxUnavailable: 0`);
    check(pod.automountServiceAccountToken === false, `${at}: mounts a service-account token`);
    const sa = named("ServiceAccount", pod.serviceAccountName);
    check(sa && sa.automountServiceAccountToken === false, `${at}: its ServiceAccount ${pod.serviceAccountName} is missing or automounts its token`);
    check(pod.securityContext?.runAsNonRoot === true, `${at}: pod without runAsNonRoot`);
    check(pod.securityContext?.seccompProfile?.type === "RuntimeDefault", `${at}: pod without seccompProfile RuntimeDefault`);
    const keys = (pod.topologySpreadConstraints ?? []).map((t) => t.topologyKey);
    check(keys.includes("topology.kubernetes.io/zone") && keys.includes("kubernetes.io/hostname"), `${at}: no topology spread across zones and nodes`);
    const volumes = Object.fromEntries((pod.volumes ?? []).map((v) => [v.name, v]));
    for (const c of pod.containers) {
      const cat = `${at} container ${c.name}`;
      check(/:[A-Za-z0-9._-]+$|@sha256:[0-9a-f]{64}$/.test(c.image) && !/:latest$/.test(c.image), `${cat}: image ${c.image} without a pinned tag (or with latest)`);
      check(c.startupProbe?.httpGet, `${cat}: no startup probe`);
      check(c.livenessProbe?.httpGet?.path === "/q/health/live", `${cat}: liveness probe not on /q/health/live`);
      check(c.readinessProbe?.httpGet?.path === "/q/health/ready", `${cat}: readiness probe not on /q/health/ready`);
      for (const kind of ["requests", "limits"]) for (const r of ["cpu", "memory"]) check(c.resources?.[kind]?.[r], `${cat}: no ${r} ${kind}`);
      check(c.resources?.limits?.memory === c.resources?.requests?.memory, `${cat}: memory limit differs from its request`);
      const sc = c.securityContext ?? {};
      check(sc.readOnlyRootFilesystem === true, `${cat}: root filesystem not read-only`);
      check(sc.allowPrivilegeEscalation === false, `${cat}: allows privilege escalation`);
      check((sc.capabilities?.drop ?? []).includes("ALL"), `${cat}: capabilities not dropped (drop: [ALL])`);
      check(sc.runAsNonRoot !== false, `${cat}: runs as root`);
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      check(tmp && volumes[tmp.name]?.emptyDir, `${cat}: no emptyDir on /tmp`);
      for (const e of c.env ?? []) {
        check(!secretLike.test(e.name) || e.valueFrom?.secretKeyRef, `${cat}: ${e.name} must come from a Secret`);
      }
      // graceful shutdown fits in the grace period
      const config = Object.assign({}, ...(c.envFrom ?? []).map((f) => named("ConfigMap", f.configMapRef?.name)?.data ?? {}));
      const drain = config.QUARKUS_SHUTDOWN_TIMEOUT ?? config.GATEWAY_HTTP_SHUTDOWN_TIMEOUT;
      const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
      check(drain && preStop >= PRE_STOP_SECONDS, `${cat}: no preStop pause or shutdown timeout`);
      if (drain) {
        check(pod.terminationGracePeriodSeconds >= preStop + parseSeconds(drain) + 5,
          `${cat}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} < preStop ${preStop}s + shutdown ${drain} + 5s`);
      }
      // its own database, nobody else's
      const s = services.find((x) => x.name === w.name);
      if (s) {
        const url = config[`${s.db.env}_DB_URL`] ?? "";
        const host = /^jdbc:postgresql:\/\/([^:/]+)/.exec(url)?.[1];
        const pooler = named("Pooler", host);
        const cluster = pooler ? pooler.spec.cluster.name : host?.replace(/-(rw)$/, "");
        check(cluster === `${s.short}-db` && named("Cluster", cluster), `${cat}: ${s.db.env}_DB_URL ${url} is not its own database ${s.short}-db`);
        const user = (c.env ?? []).find((e) => e.name === `${s.db.env}_DB_PASSWORD`);
        check(user?.valueFrom?.secretKeyRef?.name === `${s.short}-db-app`, `${cat}: database password not from ${s.short}-db-app`);
        const jaas = (c.env ?? []).find((e) => e.name === "KAFKA_SASL_JAAS_CONFIG");
        check(jaas?.valueFrom?.secretKeyRef?.name === s.name && named("KafkaUser", s.name), `${cat}: no KafkaUser ${s.name} or its Secret not used`);
      }
    }
    const svc = byKind("Service").find((x) => matches(x.spec.selector, labels));
    check(svc, `${at}: no Service selects it`);
    check(byKind("PodDisruptionBudget").some((p) => matches(p.spec.selector.matchLabels, labels)), `${at}: no PodDisruptionBudget`);
    const hpa = hpas.find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === w.name);
    if (check(hpa, `${at}: no HorizontalPodAutoscaler`)) {
      check(hpa.spec.minReplicas <= hpa.spec.maxReplicas && d.spec.replicas >= hpa.spec.minReplicas && d.spec.replicas <= hpa.spec.maxReplicas,
        `${at}: replicas ${d.spec.replicas} outside its HPA's ${hpa.spec.minReplicas}-${hpa.spec.maxReplicas}`);
      maxReplicas[w.name] = hpa.spec.maxReplicas;
    }
    const np = policies.find((p) => matches(p.spec.podSelector.matchLabels, labels) && p.spec.policyTypes.includes("Ingress") && p.spec.policyTypes.includes("Egress"));
    check(np, `${at}: no NetworkPolicy (ingress and egress) selects it`);
    if (overlay === "region") check(monitors.some((m) => matches(m.spec.selector.matchLabels, labels)), `${at}: no ServiceMonitor`);
  }
  if (overlay === "region") {
    for (const w of workloads) check(named("HorizontalPodAutoscaler", w.name)?.spec.minReplicas >= 3, `region: ${w.name} HPA minimum below 3 (one per zone)`);
  }
  // only the gateway reaches the services; only the ingress namespace reaches the gateway
  for (const s of services) {
    const np = named("NetworkPolicy", s.name);
    if (!np) continue;
    const froms = np.spec.ingress.flatMap((r) => r.from);
    check(froms.every((f) => f.podSelector?.matchLabels?.["app.kubernetes.io/name"] === "gateway" || f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring"),
      `${overlay}: NetworkPolicy ${s.name} lets in more than the gateway (and Prometheus)`);
  }

  // Kafka
  const kafkaTopics = new Map(byKind("KafkaTopic").map((t) => [t.spec.topicName ?? t.metadata.name, t]));
  const minReplicas = overlay === "dev" ? 1 : 3;
  for (const [t, src] of topicSources) check(kafkaTopics.has(t), `${overlay}: topic ${t} (${src}) has no KafkaTopic`);
  for (const s of services) if (s.consumes.length) check(kafkaTopics.has(dlqOf(s.name)), `${overlay}: no dead-letter topic ${dlqOf(s.name)}`);
  for (const [name, t] of kafkaTopics) {
    check(t.spec.replicas >= minReplicas && Number(t.spec.config?.["min.insync.replicas"]) === Math.min(2, t.spec.replicas - (overlay === "dev" ? 0 : 1)),
      `${overlay}: KafkaTopic ${name} replicas ${t.spec.replicas} / min ISR ${t.spec.config?.["min.insync.replicas"]} (region: 3 / 2)`);
    for (const s of services.filter((x) => x.consumes.includes(name))) {
      check(t.spec.partitions >= (maxReplicas[s.name] ?? 1), `${overlay}: KafkaTopic ${name} has ${t.spec.partitions} partitions, fewer than ${s.name}'s ${maxReplicas[s.name]} pods`);
    }
  }
  for (const u of byKind("KafkaUser")) {
    const s = services.find((x) => x.name === u.metadata.name);
    for (const acl of u.spec.authorization.acls.filter((a) => a.resource.type === "topic")) {
      check(kafkaTopics.has(acl.resource.name), `${where(u)}: ACL on unknown topic ${acl.resource.name}`);
      const own = s && [...s.publishes, dlqOf(s.name)].includes(acl.resource.name);
      check(!acl.operations.some((op) => ["Write", "All", "Delete", "Alter"].includes(op)) || own, `${where(u)}: writes to ${acl.resource.name}, not its own topic`);
      check(acl.resource.patternType === "literal", `${where(u)}: ACL by prefix on ${acl.resource.name}`);
    }
  }
  const pools = byKind("KafkaNodePool");
  const brokers = pools.filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  if (overlay === "region") check(brokers >= 3, `region: ${brokers} Kafka brokers, fewer than 3`);

  // databases
  for (const c of byKind("Cluster")) {
    if (overlay === "region") check(c.spec.instances === 3, `${where(c)}: ${c.spec.instances} instances (region: 3)`);
    check(byKind("ScheduledBackup").some((b) => b.spec.cluster.name === c.metadata.name), `${where(c)}: no ScheduledBackup`);
    const store = c.spec.plugins?.find((p) => p.isWALArchiver)?.parameters?.barmanObjectName;
    check(store && named("ObjectStore", store), `${where(c)}: no WAL archive to an ObjectStore`);
  }

  // Keycloak and its realm
  for (const ri of byKind("KeycloakRealmImport")) {
    check(named("Keycloak", ri.spec.keycloakCRName), `${where(ri)}: no Keycloak ${ri.spec.keycloakCRName}`);
    check(ri.spec.realm.realm === "ent" && !ri.spec.realm.users, `${where(ri)}: not the realm ent, or holds users`);
    for (const c of ri.spec.realm.clients ?? []) {
      check(!c.secret || /^\$\{[A-Z0-9_]+\}$/.test(c.secret), `${where(ri)}: client ${c.clientId} has a literal secret`);
      for (const u of [...(c.redirectUris ?? []), ...(c.webOrigins ?? [])]) check(!/localhost/.test(u), `${where(ri)}: client ${c.clientId} allows ${u}`);
    }
  }
  // the ingress
  for (const r of byKind("HTTPRoute")) {
    for (const p of r.spec.parentRefs) check(named("Gateway", p.name), `${where(r)}: no Gateway ${p.name}`);
    for (const b of r.spec.rules.flatMap((x) => x.backendRefs ?? [])) {
      const svc = named("Service", b.name);
      const external = b.name.endsWith("-service") && named("Keycloak", b.name.replace(/-service$/, ""));
      check(external || svc?.spec.ports.some((p) => p.port === b.port), `${where(r)}: backend ${b.name}:${b.port} is no Service port`);
    }
  }
  for (const g of byKind("Gateway")) {
    for (const l of g.spec.listeners) {
      check(l.protocol !== "HTTPS" || (l.tls?.certificateRefs ?? []).every((c) => byKind("Certificate").some((x) => x.spec.secretName === c.name)),
        `${where(g)}: listener ${l.name}'s certificate is not issued by cert-manager`);
    }
  }
}

// --- report -------------------------------------------------------------------------------------
for (const [overlay, c] of Object.entries(counts)) {
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  console.log(`overlay ${overlay}: ${total} objects: ${Object.entries(c).sort().map(([k, v]) => `${k} ${v}`).join(", ")}`);
}
for (const f of failures) console.log(`FAILED ${f}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
