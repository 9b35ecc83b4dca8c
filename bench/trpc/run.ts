import type { ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { startSession } from "@/server/auth/sessions";
import { signUp } from "@/server/services/account/accountService";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { cpuSeconds, httpLoad, table } from "../lib/load";
import { startBenchData, startBenchServers } from "../lib/stack";

/**
 * canvas.list through our tRPC path (the app's HTTP server, as `npm start` runs it) against a bare
 * node:http handler doing the same work, on the same Postgres, in one run. Reports requests per CPU-second of each server process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main() {
  const data = await startBenchData();
  const { db, pool } = data;
  const user = await signUp(db, { email: "bench@example.com", password: "password123", name: "Bench" }, "bench");
  for (let i = 0; i < 20; i++) await createCanvas(db, { userId: user.id }, { name: `Canvas ${i}` });
  const cookie = (await startSession(db, user.id)).split(";")[0]!;
  const transactions = async () =>
    Number((await pool.query("select xact_commit from pg_stat_database where datname = current_database()")).rows[0].xact_commit);
  const servers = await startBenchServers(data, { bareFile: path.join(import.meta.dirname, "bareServer.ts") });
  const { app, bare } = servers;

  const headers = { cookie };
  const targets: [string, ChildProcess, string][] = [
    ["tRPC (our HTTP server, outside the App Router)", app, `${servers.appUrl}/api/trpc/canvas.list`],
    ["bare node:http", bare, `${servers.bareUrl}/`],
  ];
  // Alternating rounds in a rotating order, so that noise from this shared machine lands on both;
  // each figure is the median of a target's rounds.
  const runs = new Map<string, { perSecond: number; cpu: number; perCore: number; tx: number; p50: number; p99: number; errors: number }[]>(targets.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < targets.length; k++) {
      const [name, proc, url] = targets[(round + k) % targets.length]!;
      await httpLoad(url, headers, CONCURRENCY, 1); // warm-up
      const tx0 = await transactions();
      const cpu0 = cpuSeconds(proc.pid!);
      const r = await httpLoad(url, headers, CONCURRENCY, SECONDS);
      const cpu = cpuSeconds(proc.pid!) - cpu0;
      runs.get(name)!.push({ perSecond: r.requests / r.seconds, cpu, perCore: r.requests / cpu, tx: ((await transactions()) - tx0) / r.requests, p50: r.p50, p99: r.p99, errors: r.errors });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rows = [...runs].map(([name, rs]) => [
    name,
    Math.round(median(rs.map((r) => r.perSecond))),
    Number(median(rs.map((r) => r.cpu)).toFixed(2)),
    Math.round(median(rs.map((r) => r.perCore))),
    Number(median(rs.map((r) => r.tx)).toFixed(2)),
    median(rs.map((r) => r.p50)),
    median(rs.map((r) => r.p99)),
    rs.reduce((n, r) => n + r.errors, 0),
    rs.map((r) => Math.round(r.perCore)).join(" / "),
  ]);
  console.log(`\ncanvas.list, 20 canvases, ${CONCURRENCY} keep-alive clients, median of ${ROUNDS} alternating runs of ${SECONDS} s, ${os.cpus().length} cores\n`);
  console.log(table(["server", "req/s", "server CPU s", "req/s per core", "DB transactions/req", "p50 ms", "p99 ms", "errors", "each run's req/s per core"], rows));
  // Each round's ratio (the two ran back to back), then their median; the ratio of the medians beside.
  const [ours, floor] = [...runs.values()];
  const perRound = ours!.map((r, i) => r.perCore / floor![i]!.perCore);
  const ratio = median(perRound);
  const ofMedians = median(ours!.map((r) => r.perCore)) / median(floor!.map((r) => r.perCore));
  console.log(
    `\nratio (tRPC / bare, per core, median of the rounds): ${ratio.toFixed(2)} (each round: ${perRound.map((r) => r.toFixed(2)).join(" / ")}; ratio of the medians: ${ofMedians.toFixed(2)}); must ≥ 0.6: ${ratio >= 0.6 ? "met" : "NOT met"}; goal ≥ 0.8: ${ratio >= 0.8 ? "met" : "NOT met"}`,
  );

  await servers.stop();
  await data.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
