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
 * canvas.list through the Next.js tRPC route against a bare node:http handler doing the same
 * work, on the same Postgres, in one run. Reports requests per CPU-second of each server process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
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
  const app = spawn(process.execPath, [path.join(root, ".build/scripts/start.mjs")], {
    cwd: root,
    env: { ...env, PORT: String(appPort), APP_URL: `http://localhost:${appPort}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((r) => app.stdout!.on("data", (d) => String(d).includes("ready at") && r()));
  const bare = fork(path.join(import.meta.dirname, "bareServer.ts"), { env: { ...env, PORT: String(barePort) }, execArgv: ["--import", "tsx"] });
  await new Promise<void>((r) => bare.once("message", () => r()));

  const headers = { cookie };
  const targets: [string, ChildProcess, string][] = [
    ["tRPC via Next.js route", app, `http://localhost:${appPort}/api/trpc/canvas.list`],
    ["bare node:http", bare, `http://localhost:${barePort}/`],
  ];
  const rows: (string | number)[][] = [];
  const perCore: Record<string, number> = {};
  for (const [name, proc, url] of targets) {
    await httpLoad(url, headers, CONCURRENCY, 2); // warm-up
    const tx0 = await transactions();
    const cpu0 = cpuSeconds(proc.pid!);
    const r = await httpLoad(url, headers, CONCURRENCY, SECONDS);
    const cpu = cpuSeconds(proc.pid!) - cpu0;
    const txPerRequest = ((await transactions()) - tx0) / r.requests;
    perCore[name] = r.requests / cpu;
    rows.push([name, Math.round(r.requests / r.seconds), Number(cpu.toFixed(2)), Math.round(r.requests / cpu), Number(txPerRequest.toFixed(2)), r.p50, r.p99, r.errors]);
  }
  console.log(`\ncanvas.list, 20 canvases, ${CONCURRENCY} keep-alive clients, ${SECONDS} s each, ${os.cpus().length} cores\n`);
  console.log(table(["server", "req/s", "server CPU s", "req/s per core", "DB transactions/req", "p50 ms", "p99 ms", "errors"], rows));
  const [a, b] = Object.values(perCore);
  console.log(`\nratio (tRPC / bare, per core): ${(a! / b!).toFixed(2)}`);

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
