// The region overlay's replicas and HPA bounds, derived from the benchmarks' figures
// (bench/results/2026-11-23-*.md) and a region's peak. tools/generate.mjs writes the result to
// overlays/region/sizing.yaml and the derivation table to README.md; change an input here, never
// the outputs by hand.

/** Measured on a 2-core machine running the WHOLE platform (PostgreSQL, Kafka, Keycloak, the
 *  services, the gateway and the load generator share the 2 cores): figures per core of that
 *  machine are a floor for what one core of a service alone does. */
export const measured = {
  cores: 2,
  rollCallsPerSecond: 339, // platform bench phase 2: 9,483 marks/s, 28-pupil classes
  dashboardsPerSecond: 163, // platform bench phase 3: 656 requests/s (4 requests a dashboard)
  gatewayMicrosPerCall: 21, // gateway bench, database read, token checked, access log on
};

/** A region such as Grand Est at its peaks (assumptions, README "Sizing the region"). */
export const region = {
  schools: 850,
  classesPerSchool: 25,
  rollCallShareInWindow: 0.9, // of the classes take the 8:00 roll call within the window
  rollCallWindowSeconds: 300,
  burstFactor: 2, // the first minute of the window carries twice the average
  parentsAndPupilsAtEveningPeakPerHour: 192000, // 20 % of ~960,000 family accounts open the app 18:00-19:00
  peakMinuteFactor: 3, // the busiest minute of that hour against its average
  hpaCpuTarget: 0.6, // HPA scales out at 60 % of the CPU request
  headroom: 2, // HPA maximum = twice the pods the peak needs
  minReplicas: 3, // one per zone, and a PodDisruptionBudget of maxUnavailable 1 keeps two
};

/** How the peak's work falls on each service (share of the write path, share of the read path). */
const shares = {
  "attendance-service": { writes: 1.0, reads: 1 / 3 },
  "identity-service": { writes: 0, reads: 1 / 3 },
  "notification-service": { writes: 0, reads: 1 / 3 },
};

export function derive(workloads) {
  const rollCallsPeak = (region.schools * region.classesPerSchool * region.rollCallShareInWindow
      / region.rollCallWindowSeconds) * region.burstFactor;
  const dashboardsPeak = region.parentsAndPupilsAtEveningPeakPerHour / 3600 * region.peakMinuteFactor;
  const rollCallsPerCore = measured.rollCallsPerSecond / measured.cores;
  const dashboardsPerCore = measured.dashboardsPerSecond / measured.cores;
  const writeCores = rollCallsPeak / rollCallsPerCore;
  const readCores = dashboardsPeak / dashboardsPerCore;
  const gatewayCalls = rollCallsPeak + dashboardsPeak * 4;
  const rows = workloads.map((w) => {
    const cpuRequest = parseCpu(w.cpu);
    let peakCores;
    let basis;
    if (w.name === "gateway") {
      peakCores = gatewayCalls * measured.gatewayMicrosPerCall / 1e6;
      basis = `${round(gatewayCalls)} calls/s × ${measured.gatewayMicrosPerCall} µs`;
    } else if (shares[w.name]) {
      const s = shares[w.name];
      peakCores = writeCores * s.writes + readCores * s.reads;
      basis = [s.writes ? `${s.writes === 1 ? "" : fmt(s.writes) + " × "}writes` : null,
        s.reads ? `${s.reads === 1 / 3 ? "⅓" : fmt(s.reads)} × reads` : null].filter(Boolean).join(" + ");
    } else {
      peakCores = 0;
      basis = "not measured yet (skeleton)";
    }
    const perPod = cpuRequest * region.hpaCpuTarget;
    const peakPods = Math.max(1, Math.ceil(peakCores / perPod - 1e-9));
    const min = region.minReplicas;
    const max = Math.max(2 * min, Math.ceil(peakPods * region.headroom));
    return { name: w.name, cpuRequest, basis, peakCores, perPod, peakPods, min, max };
  });
  return { rollCallsPeak, dashboardsPeak, rollCallsPerCore, dashboardsPerCore, writeCores, readCores, gatewayCalls, rows };
}

export function parseCpu(cpu) {
  return cpu.endsWith("m") ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu);
}

const round = (x) => Math.round(x).toLocaleString("en-US");
const fmt = (x) => (Math.round(x * 100) / 100).toString();

/** The derivation as a Markdown section (written into README.md between the sizing markers). */
export function markdown(workloads) {
  const d = derive(workloads);
  const r = region;
  const lines = [];
  lines.push(`Measured (bench/results/2026-11-23-platform.md, -gateway.md): on a ${measured.cores}-core machine running the whole`);
  lines.push(`platform and the load generator, ${measured.rollCallsPerSecond} roll calls/s (9,483 marks/s) and ${measured.dashboardsPerSecond} parents' dashboards/s`);
  lines.push(`(4 requests each) through the gateway; the gateway spends ${measured.gatewayMicrosPerCall} µs of CPU per proxied call. Per core of that`);
  lines.push(`machine: **${fmt(d.rollCallsPerCore)} roll calls/s** and **${fmt(d.dashboardsPerCore)} dashboards/s**. These are floors for one core of a`);
  lines.push("service alone (PostgreSQL, Kafka and the load generator took their share of the same cores), so the");
  lines.push("derivation errs on the side of more pods.");
  lines.push("");
  lines.push("The region's peaks (assumptions; change them in `tools/sizing.mjs` and run `node tools/generate.mjs`):");
  lines.push(`- roll calls: ${r.schools} schools × ${r.classesPerSchool} classes, ${r.rollCallShareInWindow * 100} % of them within ${r.rollCallWindowSeconds / 60} minutes of 8:00,`);
  lines.push(`  the first minute at ${r.burstFactor}× the average: **${fmt(d.rollCallsPeak)} roll calls/s** (≈ ${round(d.rollCallsPeak * 28)} marks/s, ≈ ${round(d.rollCallsPeak * 28 * 0.06)} absences/s`);
  lines.push("  at 6 % absent, the rate the platform bench delivered to families' streams at p99 63 ms);");
  lines.push(`- reads: ${round(r.parentsAndPupilsAtEveningPeakPerHour)} family sessions between 18:00 and 19:00, the busiest minute at ${r.peakMinuteFactor}× the hour's`);
  lines.push(`  average: **${fmt(d.dashboardsPeak)} dashboards/s**.`);
  lines.push(`- cores at peak: writes ${fmt(d.rollCallsPeak)} / ${fmt(d.rollCallsPerCore)} = **${fmt(d.writeCores)}**, reads ${fmt(d.dashboardsPeak)} / ${fmt(d.dashboardsPerCore)} = **${fmt(d.readCores)}**;`);
  lines.push(`  the gateway proxies ${round(d.gatewayCalls)} calls/s.`);
  lines.push("");
  lines.push(`A pod is scaled out at ${r.hpaCpuTarget * 100} % of its CPU request: pods at peak = ⌈peak cores / (request × ${r.hpaCpuTarget})⌉;`);
  lines.push(`HPA minimum ${r.minReplicas} (one pod per zone; the PodDisruptionBudget keeps two during a drain), maximum`);
  lines.push(`max(${2 * r.minReplicas}, ${r.headroom} × pods at peak).`);
  lines.push("");
  lines.push("| workload | work at peak | peak cores | CPU request | pods at peak | HPA min | HPA max |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of d.rows) {
    lines.push(`| ${row.name} | ${row.basis} | ${fmt(row.peakCores)} | ${row.cpuRequest * 1000}m | ${row.peakPods} | ${row.min} | ${row.max} |`);
  }
  return lines.join("\n");
}
