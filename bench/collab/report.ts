import { table } from "../lib/load";
import type { Scenario } from "./run";

export const OURS = "ours (auth + durable persist)";
export const HOCUSPOCUS = "Hocuspocus";
export const RELAY = "bare relay";
/** Ours under other limits (BENCH_VARIANT_LIMITS), named with them. */
export const OURS_VARIANT = "ours, variant";

/** One run of one server in one scenario. `memKiB`: memory per socket (idle scenarios only). */
export type Run = { p50: number; p95: number; p99: number; max: number; perSecond: number; delivered: number; cpu: number; pgCpu: number; loadCpu: number; stallP99: number; stallMax: number; serverStallP99: number; serverStallMax: number; fsyncP99: number; fsyncMax: number; memKiB: number };
export type ScenarioResult = { scenario: Scenario; runs: Map<string, Run[]> };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const med = (runs: Run[], key: keyof Run) => median(runs.map((r) => r[key]));
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)} %` : "–");
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "–");
const times = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");

/**
 * The issue's ratio: ours over Hocuspocus within each round (the two ran back to back, under the
 * same load on the machine), then the median of those rounds. Dividing the medians instead would
 * pair one round's figure with another's, which is what alternating rounds are there to avoid; it
 * is printed beside, for comparison.
 */
function pairedRatio(ours: Run[], other: Run[], key: keyof Run): number {
  const perRound = ours.map((r, i) => r[key] / (other[i]?.[key] ?? NaN)).filter(Number.isFinite);
  return perRound.length ? median(perRound) : NaN;
}

/**
 * Three tables: each server's median figures per scenario (and every run's p99, to show the
 * spread, beside what the disk's fdatasync cost during that run), our ratios to Hocuspocus and the relay, and the issue's must and goal rows checked.
 */
export function printReport(results: ScenarioResult[], info: { seconds: number; warmupSeconds: number; rounds: number; cores: number }): void {
  const rows: (string | number)[][] = [];
  for (const { scenario, runs } of results) {
    for (const [server, rs] of runs) {
      if (scenario.idle) rows.push([scenario.name, server, "", "", "", "", "", "", `${f1(med(rs, "memKiB"))} KiB/socket`, "", "", "", "", "", rs.map((r) => f1(r.memKiB)).join(" / ")]);
      else
        rows.push([
          scenario.name,
          server,
          f1(med(rs, "p50")),
          f1(med(rs, "p95")),
          f1(med(rs, "p99")),
          f1(med(rs, "max")),
          Math.round(med(rs, "perSecond")),
          pct(med(rs, "delivered")),
          `${pct(med(rs, "cpu"))} CPU`,
          pct(med(rs, "pgCpu")),
          pct(med(rs, "loadCpu")),
          `${f1(med(rs, "stallP99"))} / ${f1(med(rs, "stallMax"))}`,
          `${f1(med(rs, "serverStallP99"))} / ${f1(med(rs, "serverStallMax"))}`,
          rs.map((r) => `${f1(r.fsyncP99)} / ${f1(r.fsyncMax)}`).join(", "),
          rs.map((r) => f1(r.p99)).join(" / "),
        ]);
    }
  }
  console.log(`\ncollaboration servers: median of ${info.rounds} alternating runs per server, ${info.seconds} s each after ${info.warmupSeconds} s of untimed edits, ${info.cores} cores, load generator in its own process\n`);
  console.log(table(["scenario", "server", "p50 ms", "p95 ms", "p99 ms", "max ms", "deliveries/s", "delivered", "server CPU or memory", "Postgres CPU", "load generator CPU", "its event-loop delay p99 / max ms", "server event-loop delay p99 / max ms", "disk fdatasync p99 / max ms, each run", "each run's p99 ms (or KiB/socket)"], rows));

  const ratios: string[][] = [];
  const verdicts: string[][] = [];
  for (const { scenario, runs } of results) {
    const ours = runs.get(OURS);
    const hp = runs.get(HOCUSPOCUS);
    const relay = runs.get(RELAY);
    if (!ours) continue;
    const key: keyof Run = scenario.idle ? "memKiB" : "p99";
    if (hp) {
      for (const [name, rs] of runs) {
        if (name !== OURS && !name.startsWith(OURS_VARIANT)) continue;
        const perRound = rs.map((r, i) => ratio(r[key], hp[i]?.[key] ?? NaN)).join(" / ");
        const figure = `${scenario.idle ? "memory per idle socket" : "p99"}${name === OURS ? "" : `, ${name}`}`;
        ratios.push([scenario.name, figure, times(pairedRatio(rs, hp, key)), ratio(med(rs, key), med(hp, key)), relay ? times(pairedRatio(rs, relay, key)) : "–", perRound]);
      }
    }
    const r = hp ? pairedRatio(ours, hp, key) : NaN;
    const met = (ok: boolean) => (Number.isFinite(r) ? (ok ? "met" : "NOT met") : "not measured");
    if (scenario.name.startsWith("100 rooms") || (scenario.name.includes("200 updates/s") && !scenario.idle)) {
      // The hostile-load issue's rows: 1 room × 200 within 1.5× of Hocuspocus, 100 rooms × 5 within 1.3×.
      const must = scenario.name.startsWith("100 rooms") ? 1.3 : 1.5;
      verdicts.push([scenario.name, `p99 ${times(r)} Hocuspocus`, `≤ ${must}×`, met(r <= must), "≤ 1.0×", met(r <= 1.0)]);
    } else if (scenario.name.includes("1,000 updates/s")) {
      const keepsUp = med(ours, "delivered") >= 0.99;
      verdicts.push([scenario.name, `p99 ${times(r)} Hocuspocus, ${pct(med(ours, "delivered"))} delivered`, "keeps up, ≤ 2×", met(keepsUp && r <= 2), "≤ 1.0×", met(keepsUp && r <= 1.0)]);
    } else if (scenario.idle) {
      verdicts.push([scenario.name, `${times(r)} Hocuspocus's memory per socket`, "≤ 0.6×", met(r <= 0.6), "", ""]);
      const sockets = scenario.rooms * scenario.clients;
      verdicts.push([scenario.name, `${sockets.toLocaleString("en")} sockets open, ${f1(med(ours, "memKiB"))} KiB each`, "10,000 sockets", sockets >= 10_000 && Number.isFinite(med(ours, "memKiB")) ? "met" : "NOT met", "", ""]);
    }
  }
  console.log(`\nratios (same run; below 1 is better for us)\n`);
  console.log(table(["scenario", "figure", "ours / Hocuspocus (median of the rounds' ratios)", "ratio of the medians", "ours / bare relay (median of the rounds' ratios)", "ours / Hocuspocus, each round"], ratios));
  console.log(`\nthe issue's rows\n`);
  console.log(table(["scenario", "measured", "must", "must met?", "goal", "goal met?"], verdicts));
}
