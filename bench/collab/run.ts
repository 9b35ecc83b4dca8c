import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { startSession } from "@/server/auth/sessions";
import { signUp } from "@/server/services/account/accountService";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { freePort } from "@/test/freePort";
import { cpuSeconds, postgresCpuSeconds, table } from "../lib/load";
import type { Flavour } from "./protocol";

/**
 * Our collaboration server (auth, persist-before-broadcast) against Hocuspocus and a bare
 * y-protocols relay, in one run, with the load generator in its own process.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ORIGIN = "http://localhost:3000";
const here = import.meta.dirname;
const root = path.resolve(here, "../..");

/** `oursOnly`: a capacity check of our server, not a comparison. */
type Scenario = { name: string; rooms: number; clients: number; rate: number; idle?: boolean; oursOnly?: boolean };
const ALL_SCENARIOS: Scenario[] = [
  { name: "100 rooms × 5 clients, 1,000 updates/s", rooms: 100, clients: 5, rate: 1000 },
  { name: "1 room × 200 clients, 200 updates/s", rooms: 1, clients: 200, rate: 200 },
  { name: "1 room × 200 clients, 1,000 updates/s", rooms: 1, clients: 200, rate: 1000 },
  { name: "idle: 3,000 sockets over 300 rooms", rooms: 300, clients: 10, rate: 0, idle: true },
  { name: "idle: 10,000 sockets over 1,000 rooms", rooms: 1000, clients: 10, rate: 0, idle: true, oursOnly: true },
];
/**
 * `BENCH_SCENARIOS=1,3` runs only those (1-based), `BENCH_SERVERS=ours` only the servers whose name
 * starts so, and `BENCH_LIMITS='{"compactAfterUpdates":100}'` overrides our server's collab limits.
 */
const SCENARIOS = process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(",").map((i) => ALL_SCENARIOS[Number(i) - 1]!) : ALL_SCENARIOS;
const SERVER_FILTER = process.env.BENCH_SERVERS?.split(",");

const rssKiB = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)![1]);

function startChild(file: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(file, { env: { ...process.env, ...env }, execArgv: ["--import", "tsx", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`${file} exited ${code}`)));
  });
}

function runLoad(job: object): Promise<{ connected: () => Promise<void>; measuring: () => Promise<void>; result: Promise<Record<string, number>>; child: ChildProcess }> {
  const child = fork(path.join(here, "loadgen.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let onConnected!: () => void;
  const connectedP = new Promise<void>((r) => (onConnected = r));
  let onMeasuring!: () => void;
  const measuringP = new Promise<void>((r) => (onMeasuring = r));
  const result = new Promise<Record<string, number>>((resolve, reject) => {
    child.on("message", (m: { type: string }) => {
      if (m.type === "connected") onConnected();
      if (m.type === "measuring") onMeasuring();
      if (m.type === "result") resolve(m as unknown as Record<string, number>);
    });
    child.once("exit", (code) => code && reject(new Error(`load generator exited ${code}`)));
  });
  child.send(job);
  return Promise.resolve({ connected: () => connectedP, measuring: () => measuringP, result, child });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-collab-bench-"));
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres(`${dataDir}/postgres`, pgPort, () => {});
  await applyMigrations(pg.url);
  const { db, pool } = createDb(pg.url);
  const user = await signUp(db, { email: "bench@example.com", password: "password123", name: "Bench" }, "bench");
  const canvases: string[] = [];
  for (let i = 0; i < Math.max(...SCENARIOS.map((s) => s.rooms)); i++) canvases.push((await createCanvas(db, { userId: user.id }, { name: `Room ${i}` })).id);
  const cookie = (await startSession(db, user.id)).split(";")[0]!;

  const servers: { name: string; flavour: Flavour; file: string; env: Record<string, string>; path: string }[] = [
    { name: "ours (auth + persist)", flavour: "yws", file: path.join(root, "test/collabProcess.ts"), env: { DATABASE_URL: pg.url, APP_URL: ORIGIN, COLLAB_LIMITS: JSON.stringify({ maxSocketsPerUser: 100_000, ...JSON.parse(process.env.BENCH_LIMITS ?? "{}") }) }, path: "/collab" },
    { name: "Hocuspocus", flavour: "hocuspocus", file: path.join(here, "servers/hocuspocus.ts"), env: {}, path: "" },
    { name: "bare relay", flavour: "yws", file: path.join(here, "servers/bareRelay.ts"), env: {}, path: "" },
  ];
  const rows: (string | number)[][] = [];
  for (const scenario of SCENARIOS) {
    for (const s of scenario.oursOnly ? servers.slice(0, 1) : servers) {
      if (SERVER_FILTER && !SERVER_FILTER.some((f) => s.name.startsWith(f))) continue;
      const port = await freePort();
      const server = await startChild(s.file, { ...s.env, PORT: String(port) });
      const rss0 = rssKiB(server.pid!);
      const load = await runLoad({
        url: `ws://127.0.0.1:${port}${s.path}`,
        flavour: s.flavour,
        rooms: canvases.slice(0, scenario.rooms),
        clients: scenario.clients,
        rate: scenario.rate,
        seconds: SECONDS,
        headers: { cookie, origin: ORIGIN },
        idle: scenario.idle,
      });
      await load.connected();
      if (scenario.idle) {
        await new Promise((r) => setTimeout(r, 2000));
        const perSocket = (rssKiB(server.pid!) - rss0) / (scenario.rooms * scenario.clients);
        rows.push([scenario.name, s.name, "", "", "", "", "", "", `${perSocket.toFixed(1)} KiB`, "", "", ""]);
        load.child.send({ type: "stop" });
      } else {
        await load.measuring();
        const cpu0 = cpuSeconds(server.pid!);
        const pgCpu0 = postgresCpuSeconds();
        const t0 = performance.now();
        const r = await load.result;
        const elapsed = (performance.now() - t0) / 1000;
        const cpuShare = (cpuSeconds(server.pid!) - cpu0) / elapsed;
        const pgShare = (postgresCpuSeconds() - pgCpu0) / elapsed;
        const expected = r.sent! * (scenario.clients - 1);
        rows.push([scenario.name, s.name, r.p50!, r.p95!, r.p99!, r.max!, Math.round(r.deliveries! / SECONDS), `${((r.deliveries! / expected) * 100).toFixed(0)} %`, `${(cpuShare * 100).toFixed(0)} % CPU`, `${Math.max(0, pgShare * 100).toFixed(0)} %`, `${(r.cpuShare! * 100).toFixed(0)} %`, `${r.stallP99!.toFixed(1)} / ${r.stallMax!.toFixed(0)}`]);
      }
      await new Promise<void>((r) => (load.child.exitCode !== null ? r() : load.child.once("exit", () => r())));
      server.kill(process.env.BENCH_PROFILE ? "SIGTERM" : "SIGKILL");
    }
  }
  console.log(`\ncollaboration servers, ${SECONDS} s per scenario, ${os.cpus().length} cores, load generator in its own process\n`);
  console.log(table(["scenario", "server", "p50 ms", "p95 ms", "p99 ms", "max ms", "deliveries/s", "delivered", "CPU or memory/socket", "Postgres CPU", "load generator CPU", "its event-loop delay p99 / max ms"], rows));
  await pool.end();
  await pg.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
