import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { startSession } from "@/server/auth/sessions";
import { signUp } from "@/server/services/account/accountService";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { freePort } from "@/test/freePort";
import { cpuSeconds, httpLoad, table } from "../lib/load";
import { startInfra } from "@/scripts/infra";

/**
 * canvas.list through our tRPC path (the app's HTTP server, as `npm start` runs it) against a bare
 * node:http handler doing the same work, on the same Postgres, in one run. Reports requests per CPU-second of each server process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = path.resolve(import.meta.dirname, "../..");

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-bench-"));
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres(`${dataDir}/postgres`, pgPort, () => {});
  process.env.DATABASE_URL = pg.url;
  const infra = await startInfra({ dataDir, pgPort, log: () => {} });
  const { db, pool } = createDb(pg.url);
  const user = await signUp(db, { email: "bench@example.com", password: "password123", name: "Bench" }, "bench");
  for (let i = 0; i < 20; i++) await createCanvas(db, { userId: user.id }, { name: `Canvas ${i}` });
  const cookie = (await startSession(db, user.id)).split(";")[0]!;
  const transactions = async () =>
    Number((await pool.query("select xact_commit from pg_stat_database where datname = current_database()")).rows[0].xact_commit);

  const appPort = await freePort();
  const barePort = await freePort();
  const env = { ...process.env, DATABASE_URL: pg.url, S3_ENDPOINT: infra.s3Endpoint, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  // The production entry (`npm start`'s bundle), pointed at this run's Postgres and S3.
  spawnSync("npm", ["run", "bundle"], { cwd: root, stdio: "ignore" });
  // BENCH_PROFILE=<dir>: both servers write CPU profiles there when they stop.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const app = spawn(process.execPath, [...profile, path.join(root, ".build/scripts/start.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(appPort), APP_URL: `http://localhost:${appPort}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((r) => app.stdout!.on("data", (d) => String(d).includes("ready at") && r()));
  const bare = fork(path.join(import.meta.dirname, "bareServer.ts"), { env: { ...env, PORT: String(barePort) }, execArgv: ["--import", "tsx", ...profile] });
  await new Promise<void>((r) => bare.once("message", () => r()));

  const headers = { cookie };
  const targets: [string, ChildProcess, string][] = [
    ["tRPC (our HTTP server, outside the App Router)", app, `http://localhost:${appPort}/api/trpc/canvas.list`],
    ["bare node:http", bare, `http://localhost:${barePort}/`],
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
  const [oursPerCore, barePerCore] = [...runs.values()].map((rs) => median(rs.map((r) => r.perCore)));
  const ratio = oursPerCore! / barePerCore!;
  const perRound = runs.get(targets[0]![0])!.map((r, i) => (r.perCore / runs.get(targets[1]![0])![i]!.perCore).toFixed(2)).join(" / ");
  console.log(`\nratio (tRPC / bare, per core, medians): ${ratio.toFixed(2)} (each round: ${perRound}); must ≥ 0.6: ${ratio >= 0.6 ? "met" : "NOT met"}; goal ≥ 0.8: ${ratio >= 0.8 ? "met" : "NOT met"}`);

  await Promise.all([app, bare].map((p) => new Promise((r) => (p.once("exit", r), p.kill("SIGTERM")))));
  await pool.end();
  await infra.stop();
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
