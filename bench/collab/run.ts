import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyAllMigrations } from "@/db/migrate";
import { startSession } from "@/server/auth/sessions";
import { signUp } from "@/server/services/account/accountService";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { freePort } from "@/test/freePort";
import { cpuSeconds, postgresCpuSeconds } from "../lib/load";
import type { Flavour } from "./protocol";
import { HOCUSPOCUS, OURS, OURS_VARIANT, printReport, RELAY, type Run, type ScenarioResult } from "./report";

/**
 * Our collaboration server (auth, persist-before-broadcast) against Hocuspocus and a bare
 * y-protocols relay, in one run, with the load generator in its own process.
 */
/**
 * Timed seconds per run. A p99 is decided by a few of the machine's stalls (both processes stop
 * for 10–20 ms now and then on two shared cores, each stall delaying hundreds of deliveries): over
 * 6 s the same code's p99 ratio moved between 0.8× and 3.3× from round to round, over 15 s
 * between 0.8× and 1.9×.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/**
 * Edits at the scenario's rate before timing starts: a server just started compiles its code and
 * fills its caches on its first edits (ours stalled up to 86 ms in its first second, with Postgres
 * in memory), which is start-up, not the steady state the rows compare. Every server gets the same.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const ORIGIN = "http://localhost:3000";
const here = import.meta.dirname;
const root = path.resolve(here, "../..");

export type Scenario = { name: string; rooms: number; clients: number; rate: number; idle?: boolean };
const ALL_SCENARIOS: Scenario[] = [
  { name: "100 rooms × 5 clients, 1,000 updates/s", rooms: 100, clients: 5, rate: 1000 },
  { name: "1 room × 200 clients, 200 updates/s", rooms: 1, clients: 200, rate: 200 },
  { name: "1 room × 200 clients, 1,000 updates/s", rooms: 1, clients: 200, rate: 1000 },
  // 10,000 sockets on every server: the capacity the issue asks for, and enough sockets that the
  // allocator's fixed slack (a few MB either way after GC) stays a small share of the per-socket figure.
  { name: "idle: 10,000 sockets over 1,000 rooms", rooms: 1000, clients: 10, rate: 0, idle: true },
];
/**
 * `BENCH_SCENARIOS=1,3` runs only those (1-based), `BENCH_SERVERS=ours` only the servers whose name
 * starts so, and `BENCH_LIMITS='{"compactAfterUpdates":100}'` overrides our server's collab limits.
 * `BENCH_VARIANT_LIMITS='{"writesInFlight":1}'` adds ours with those limits to the same rounds, and
 * `BENCH_VARIANT_POSTGRES='{"wal_sync_method":"open_datasync"}'` ours on Postgres so reconfigured.
 * `BENCH_DATA_DIR=/dev/shm` puts Postgres in memory: no disk flush, so what is left of our p99 is
 * our own path (a diagnostic only; such a server would not be durable). `BENCH_WARMUP_SECONDS=0`
 * times the servers from their first edit.
 */
const SCENARIOS = process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(",").map((i) => ALL_SCENARIOS[Number(i) - 1]!) : ALL_SCENARIOS;
const SERVER_FILTER = process.env.BENCH_SERVERS?.split(",");
/** Runs per server and scenario, alternating between the servers; the table shows their median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The server's resident set after a full garbage collection, in KiB (see servers/memoryProbe.ts). */
function liveKiB(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: { type?: string; rss?: number }) => {
      if (m.type !== "memory") return;
      child.off("message", onMessage);
      resolve(m.rss! / 1024);
    };
    child.on("message", onMessage);
    child.send("memory");
  });
}

/** The server's event-loop stalls since it last said (see servers/memoryProbe.ts), in ms. */
function serverStalls(child: ChildProcess): Promise<{ p99: number; max: number }> {
  return new Promise((resolve) => {
    const onMessage = (m: { type?: string; p99?: number; max?: number }) => {
      if (m.type !== "stalls") return;
      child.off("message", onMessage);
      resolve({ p99: m.p99!, max: m.max! });
    };
    child.on("message", onMessage);
    child.send("stalls");
  });
}

function startChild(file: string, env: Record<string, string>): Promise<ChildProcess> {
  const probe = path.join(here, "servers/memoryProbe.ts");
  const child = fork(file, { env: { ...process.env, ...env }, execArgv: ["--import", "tsx", "--expose-gc", "--import", probe, ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])], stdio: ["ignore", "inherit", "inherit", "ipc"] });
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

/** Our collab limits for a bench run: one user opens every socket, and `overrides` (JSON) on top. */
const benchLimits = (overrides = "{}") => JSON.stringify({ maxSocketsPerUser: 100_000, ...JSON.parse(overrides) });

/** `postgres`: settings Postgres takes for this server's runs only (BENCH_VARIANT_POSTGRES). */
type Server = { name: string; flavour: Flavour; file: string; env: Record<string, string>; path: string; postgres?: Record<string, string> };

/** The disk's fdatasync latency while a run measures (see fsyncProbe.ts), on the disk Postgres uses. */
async function startFsyncProbe(dir: string): Promise<{ stop: () => Promise<{ p50: number; p99: number; max: number }> }> {
  const child = fork(path.join(here, "fsyncProbe.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise((r) => child.once("message", r));
  child.send(dir);
  return {
    stop: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m as { p50: number; p99: number; max: number }));
        child.send("stop");
      }),
  };
}

async function runOnce(scenario: Scenario, s: Server, rooms: string[], cookie: string, dataDir: string): Promise<Run> {
  const port = await freePort();
  const server = await startChild(s.file, { ...s.env, PORT: String(port) });
  const rss0 = await liveKiB(server);
  const load = await runLoad({
    url: `ws://127.0.0.1:${port}${s.path}`,
    flavour: s.flavour,
    rooms,
    clients: scenario.clients,
    rate: scenario.rate,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    headers: { cookie, origin: ORIGIN },
    idle: scenario.idle,
  });
  await load.connected();
  let run: Run;
  if (scenario.idle) {
    await new Promise((r) => setTimeout(r, 2000));
    const memKiB = ((await liveKiB(server)) - rss0) / (scenario.rooms * scenario.clients);
    run = { p50: NaN, p95: NaN, p99: NaN, max: NaN, perSecond: NaN, delivered: NaN, cpu: NaN, pgCpu: NaN, loadCpu: NaN, stallP99: NaN, stallMax: NaN, serverStallP99: NaN, serverStallMax: NaN, fsyncP99: NaN, fsyncMax: NaN, memKiB };
    load.child.send({ type: "stop" });
  } else {
    await load.measuring();
    await serverStalls(server); // from here on
    const disk = await startFsyncProbe(dataDir);
    const cpu0 = cpuSeconds(server.pid!);
    const pgCpu0 = postgresCpuSeconds();
    const t0 = performance.now();
    const r = await load.result;
    const stalls = await serverStalls(server);
    const fsync = await disk.stop();
    const elapsed = (performance.now() - t0) / 1000;
    run = {
      p50: r.p50!,
      p95: r.p95!,
      p99: r.p99!,
      max: r.max!,
      perSecond: r.deliveries! / SECONDS,
      delivered: r.deliveries! / (r.sent! * (scenario.clients - 1)),
      cpu: (cpuSeconds(server.pid!) - cpu0) / elapsed,
      pgCpu: Math.max(0, (postgresCpuSeconds() - pgCpu0) / elapsed),
      loadCpu: r.cpuShare!,
      stallP99: r.stallP99!,
      stallMax: r.stallMax!,
      serverStallP99: stalls.p99,
      serverStallMax: stalls.max,
      fsyncP99: fsync.p99,
      fsyncMax: fsync.max,
      memKiB: NaN,
    };
  }
  await new Promise<void>((r) => (load.child.exitCode !== null ? r() : load.child.once("exit", () => r())));
  const exited = new Promise((r) => server.once("exit", r));
  server.kill(process.env.BENCH_PROFILE ? "SIGTERM" : "SIGKILL");
  await exited;
  return run;
}

/** Sets (or, for `reset`, restores) reloadable Postgres settings, then gives its processes a moment to reload. */
async function configurePostgres(pool: pg.Pool, settings: Record<string, string>, reset: string[] = []): Promise<void> {
  if (!reset.length && !Object.keys(settings).length) return;
  for (const [name, value] of Object.entries(settings)) await pool.query(`alter system set ${pg.escapeIdentifier(name)} = ${pg.escapeLiteral(value)}`);
  for (const name of reset) await pool.query(`alter system reset ${pg.escapeIdentifier(name)}`);
  await pool.query("select pg_reload_conf()");
  await new Promise((r) => setTimeout(r, 500));
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), "merchboard-collab-bench-"));
  const pgPort = await freePort();
  const postgres = await startEmbeddedPostgres(`${dataDir}/postgres`, pgPort, () => {});
  // Ours and graphile-worker's, as a deployment has them (a room queues its canvas's cover).
  await applyAllMigrations(postgres.url);
  const { db, pool } = createDb(postgres.url);
  const user = await signUp(db, { email: "bench@example.com", password: "password123", name: "Bench" }, "bench");
  const newCanvases = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await createCanvas(db, { userId: user.id }, { name: `Room ${i}` })).id);
    return ids;
  };
  const idleCanvases = await newCanvases(Math.max(0, ...SCENARIOS.filter((s) => s.idle).map((s) => s.rooms)));
  const cookie = (await startSession(db, user.id)).split(";")[0]!;

  const all: Server[] = [
    { name: OURS, flavour: "yws", file: path.join(root, "test/collabProcess.ts"), env: { DATABASE_URL: postgres.url, APP_URL: ORIGIN, COLLAB_LIMITS: benchLimits(process.env.BENCH_LIMITS) }, path: "/collab" },
    { name: HOCUSPOCUS, flavour: "hocuspocus", file: path.join(here, "servers/hocuspocus.ts"), env: {}, path: "" },
    { name: RELAY, flavour: "yws", file: path.join(here, "servers/bareRelay.ts"), env: {}, path: "" },
  ];
  // A second configuration of ours, run in the same rounds, to judge a limits change against noise.
  if (process.env.BENCH_VARIANT_LIMITS) {
    all.splice(1, 0, { ...all[0]!, name: `${OURS_VARIANT} ${process.env.BENCH_VARIANT_LIMITS}`, env: { ...all[0]!.env, COLLAB_LIMITS: benchLimits(process.env.BENCH_VARIANT_LIMITS) } });
  }
  // Ours again, on Postgres reconfigured for its runs, to judge a Postgres setting against noise.
  if (process.env.BENCH_VARIANT_POSTGRES) {
    all.splice(1, 0, { ...all[0]!, name: `${OURS_VARIANT} Postgres ${process.env.BENCH_VARIANT_POSTGRES}`, postgres: JSON.parse(process.env.BENCH_VARIANT_POSTGRES) });
  }
  const servers = all.filter((s) => !SERVER_FILTER || SERVER_FILTER.some((f) => s.name.startsWith(f)));
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const runs = new Map<string, Run[]>(servers.map((s) => [s.name, []]));
    // Alternating, in a rotating order, so that a noisy moment on this shared machine lands on
    // every server alike; each server's figures are the median of its runs.
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < servers.length; k++) {
        const s = servers[(round + k) % servers.length]!;
        // Every edited run starts from empty documents: ours keeps what earlier runs stored (and
        // compacts it), the in-memory servers start empty, so reused rooms would tilt later rounds.
        const rooms = scenario.idle ? idleCanvases.slice(0, scenario.rooms) : await newCanvases(scenario.rooms);
        await configurePostgres(pool, s.postgres ?? {});
        runs.get(s.name)!.push(await runOnce(scenario, s, rooms, cookie, dataDir));
        await configurePostgres(pool, {}, Object.keys(s.postgres ?? {}));
      }
    }
    results.push({ scenario, runs });
  }
  printReport(results, { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, rounds: ROUNDS, cores: os.cpus().length });
  await pool.end();
  await postgres.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
