import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Logger, run } from "graphile-worker";
import pg from "pg";
import superjson from "superjson";
import { createDb, type Db } from "@/db/client";
import { startInfra } from "@/scripts/infra";
import { startSession } from "@/server/auth/sessions";
import { handleTrpcRequest } from "@/server/http/trpcHandler";
import { signUp } from "@/server/services/account/accountService";
import { createCanvas } from "@/server/services/canvas/canvasService";
import { freePort } from "@/test/freePort";
import { table } from "../lib/load";

/**
 * The queue's own costs, beside their floors in the same run:
 * - add → start: a job added (committed) until its task begins, one job at a time, against a
 *   bare LISTEN/NOTIFY round trip on the same Postgres;
 * - generation.create (row + job + notify in one transaction, limits checked) through the tRPC
 *   request handler, against auth.me through the same handler.
 */
const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = [1, Number(process.env.BENCH_CONCURRENCY ?? 8)];
const APP_URL = "http://localhost:3000";

type Stats = { n: number; p50: number; p99: number; max: number };

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { n: s.length, p50: q(0.5), p99: q(0.99), max: s.at(-1) ?? NaN };
}

async function notifyRoundTrips(url: string, pool: pg.Pool): Promise<number[]> {
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  await listener.query("LISTEN bench_floor");
  let arrived: (() => void) | null = null;
  listener.on("notification", () => arrived?.());
  const out: number[] = [];
  for (let i = 0; i < JOBS; i++) {
    const heard = new Promise<void>((r) => (arrived = r));
    const t0 = performance.now();
    await pool.query("select pg_notify('bench_floor', $1)", [String(i)]);
    await heard;
    out.push(performance.now() - t0);
  }
  await listener.end();
  return out;
}

/** The worker has its own pool, configured as worker/main.ts configures it. */
async function addToStart(pool: pg.Pool, url: string): Promise<number[]> {
  const { pool: workerPool } = createDb(url, 4, { asyncCommit: true });
  let started: (() => void) | null = null;
  const quiet = new Logger(() => () => {});
  const runner = await run({ pgPool: workerPool, concurrency: 1, noHandleSignals: true, pollInterval: 1000, logger: quiet, taskList: { benchNoop: async () => started?.() } });
  const out: number[] = [];
  let addMs = 0;
  for (let i = 0; i < JOBS + 20; i++) {
    const began = new Promise<void>((r) => (started = r));
    const t0 = performance.now();
    await pool.query("select graphile_worker.add_job('benchNoop', json_build_object('i', $1::int))", [i]);
    addMs += performance.now() - t0;
    await began;
    if (i >= 20) out.push(performance.now() - t0); // the first few warm the worker up
  }
  await runner.stop();
  await workerPool.end();
  console.log(`add_job itself (insert + notify + commit): ${(addMs / (JOBS + 20)).toFixed(2)} ms on average`);
  return out;
}

/** Closed-loop calls through the tRPC handler for SECONDS, `concurrency` at a time. */
async function trpcLoad(db: Db, concurrency: number, call: (worker: number, i: number) => Request): Promise<{ stats: Stats; perSecond: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; performance.now() < end; i++) {
        const start = performance.now();
        const res = await handleTrpcRequest(db, APP_URL, call(w, i));
        await res.text();
        if (res.status === 200) latencies.push(performance.now() - start);
        else errors++;
      }
    }),
  );
  return { stats: stats(latencies), perSecond: latencies.length / ((performance.now() - t0) / 1000), errors };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-bench-jobs-"));
  const infra = await startInfra({ dataDir, pgPort: await freePort(), log: () => {} });
  const url = infra.databaseUrl;
  const { db, pool } = createDb(url, 20);

  const floor = stats(await notifyRoundTrips(url, pool));
  const jobs = stats(await addToStart(pool, url));

  // Each person queues at most five per row, and the queue is emptied between rows (no worker
  // drains it here), so the per-person limits never refuse a call: errors must stay 0.
  const people = await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const user = await signUp(db, { email: `bench${i}@example.com`, password: "password123", name: `Bench ${i}` }, `bench-${i}`);
      const canvas = await createCanvas(db, { userId: user.id }, { name: "Bench" });
      return { cookie: (await startSession(db, user.id)).split(";")[0]!, canvasId: canvas.id };
    }),
  );
  let next = 0;
  const emptyQueue = async () => {
    await pool.query("delete from generations");
    await pool.query("delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'generate')");
    next = 0;
  };
  const create = () => {
    const p = people[Math.floor(next++ / 5)];
    if (!p) throw new Error("more calls than the bench has people for: add people or shorten BENCH_SECONDS");
    const body = JSON.stringify(superjson.serialize({ canvasId: p.canvasId, prompt: "red heart", seed: next }));
    return new Request(`${APP_URL}/api/trpc/generation.create`, { method: "POST", headers: { cookie: p.cookie, origin: APP_URL, "content-type": "application/json" }, body });
  };
  const me = (w: number) => new Request(`${APP_URL}/api/trpc/auth.me`, { headers: { cookie: people[w]!.cookie } });
  const rows: (string | number)[][] = [];
  const ratios: string[] = [];
  const ms = (v: number) => Number(v.toFixed(2));
  for (const c of CONCURRENCY) {
    const reference = await trpcLoad(db, c, me);
    await emptyQueue();
    const creates = await trpcLoad(db, c, create);
    rows.push([`auth.me (reference), ${c} at a time`, Math.round(reference.perSecond), ms(reference.stats.p50), ms(reference.stats.p99), reference.errors]);
    rows.push([`generation.create, ${c} at a time`, Math.round(creates.perSecond), ms(creates.stats.p50), ms(creates.stats.p99), creates.errors]);
    ratios.push(`${c} at a time: ${(creates.perSecond / reference.perSecond).toFixed(2)}×`);
  }

  console.log(`\nqueue latency, ${JOBS} jobs one at a time, ${os.cpus().length} cores\n`);
  console.log(
    table(
      ["path", "n", "p50 ms", "p99 ms", "max ms"],
      [
        ["LISTEN/NOTIFY round trip (floor)", floor.n, ms(floor.p50), ms(floor.p99), ms(floor.max)],
        ["graphile-worker add_job → task start", jobs.n, ms(jobs.p50), ms(jobs.p99), ms(jobs.max)],
      ],
    ),
  );
  console.log(`\nadd → start costs ${(jobs.p50 / floor.p50).toFixed(1)}× the floor at p50, ${(jobs.p99 / floor.p99).toFixed(1)}× at p99 (goal: p50 < 5 ms, p99 < 20 ms)`);
  console.log(`\ntRPC request handler in-process, ${SECONDS} s per row\n`);
  console.log(table(["procedure", "calls/s", "p50 ms", "p99 ms", "errors"], rows));
  console.log(`\ngeneration.create's throughput against auth.me's: ${ratios.join(", ")}`);
  await pool.end();
  await infra.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
