import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { createDb, type Db } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { startInfra } from "@/scripts/infra";
import { resetEnvCache } from "@/server/env";
import { freePort } from "@/test/freePort";

const root = path.resolve(import.meta.dirname, "../..");

export type BenchData = {
  dataDir: string;
  db: Db;
  pool: pg.Pool;
  /** The environment a server of this run starts with: this run's Postgres, S3 and data folder. */
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
};

/**
 * A fresh Postgres and S3 server in a folder of their own, and this process pointed at them (its
 * services seed the run's data directly).
 */
export async function startBenchData(): Promise<BenchData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-bench-"));
  const pgPort = await freePort();
  const postgres = await startEmbeddedPostgres(`${dataDir}/postgres`, pgPort, () => {});
  process.env.DATABASE_URL = postgres.url;
  const infra = await startInfra({ dataDir, pgPort, log: () => {} });
  process.env.S3_ENDPOINT = infra.s3Endpoint;
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  const { db, pool } = createDb(postgres.url);
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  return {
    dataDir,
    db,
    pool,
    env,
    stop: async () => {
      await pool.end();
      await infra.stop();
      await postgres.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchServers = { app: ChildProcess; appUrl: string; bare: ChildProcess; bareUrl: string; stop: () => Promise<void> };

/**
 * The app as `npm start` runs it (the production bundle) and a bare node:http server (`bareFile`,
 * which messages its parent once it listens), both on `data`. `BENCH_PROFILE=<dir>`: both write CPU
 * profiles there when they stop.
 */
export async function startBenchServers(data: BenchData, opts: { bareFile: string; appEnv?: Record<string, string> }): Promise<BenchServers> {
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const appPort = await freePort();
  const barePort = await freePort();
  const appUrl = `http://localhost:${appPort}`;
  const bareUrl = `http://localhost:${barePort}`;
  spawnSync("npm", ["run", "bundle"], { cwd: root, stdio: "ignore" });
  const app = spawn(process.execPath, [...profile, path.join(root, ".build/scripts/start.mjs")], {
    cwd: root,
    env: { ...data.env, PORT: String(appPort), APP_URL: appUrl, ...opts.appEnv },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((r) => app.stdout!.on("data", (d) => String(d).includes("ready at") && r()));
  const bare = fork(opts.bareFile, { env: { ...data.env, PORT: String(barePort), APP_URL: bareUrl }, execArgv: ["--import", "tsx", ...profile] });
  await new Promise<void>((r) => bare.once("message", () => r()));
  return {
    app,
    appUrl,
    bare,
    bareUrl,
    stop: async () => {
      await Promise.all([app, bare].map((p) => new Promise((r) => (p.once("exit", r), p.kill("SIGTERM")))));
    },
  };
}
