import { EventEmitter } from "node:events";
import { parseCronItems, run, type WorkerEvents } from "graphile-worker";
import { createDb } from "@/db/client";
import { getStorage } from "@/server/storage/storage";
import { inferenceDevice } from "./diffusion/providers";
import { startHeartbeat } from "./heartbeat";
import { startStaleWorkerSweeper } from "./staleWorkers";
import { cleanupExpired } from "./tasks/cleanupExpired";
import { cleanupUploads } from "./tasks/cleanupUploads";
import { deleteCanvasObjects } from "./tasks/deleteCanvasObjects";
import { generate } from "./tasks/generate";
import { renderMockups } from "./tasks/renderMockups";
import { renderPrintFile } from "./tasks/renderPrintFile";
import { renderSnapshot } from "./tasks/renderSnapshot";
import { expireOrder } from "./tasks/expireOrder";
import { refundLatePayment } from "./tasks/refundLatePayment";
import { sendOrderMail } from "./tasks/sendOrderMail";
import { sendRefundMail } from "./tasks/sendRefundMail";

/**
 * The worker process: graphile-worker with one job at a time, since a generation holds the
 * accelerator. SIGTERM lets the current diffusion step finish, puts its generation back in the
 * queue and exits; a worker that dies without that (SIGKILL, power) has its jobs unlocked by the
 * next worker that notices its heartbeat has stopped.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // graphile-worker's own bookkeeping (job locks, completions, the stale-worker sweep) does not
  // wait for the disk: a crash of Postgres or the machine could lose a lock or a completion, which
  // only re-runs a job, and every task is safe to run twice. What tasks write (a generation's
  // images and status, announced to collaborators; a document edit that every client receives)
  // commits synchronously on a pool of its own, since others act on it at once.
  const { pool } = createDb(url, 2, { asyncCommit: true });
  const { db, pool: taskPool } = createDb(url, 3);
  const events: WorkerEvents = new EventEmitter();
  // Jobs are locked in the name of the worker pool; the heartbeat row carries that id so that a
  // dead worker's locks can be released by it.
  let workerId = "";
  events.on("pool:create", ({ workerPool }) => (workerId = workerPool.id));
  const shutdown = new AbortController();
  const log = (m: string) => console.log(m);
  const runner = await run({
    pgPool: pool,
    concurrency: 1,
    events,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: {
      cleanupExpired: cleanupExpired(db),
      cleanupUploads: cleanupUploads(db, getStorage()),
      deleteCanvasObjects: deleteCanvasObjects(getStorage()),
      generate: generate({ db, storage: getStorage(), device: inferenceDevice(process.env.INFERENCE_DEVICE), shutdown: shutdown.signal, log }),
      renderPrintFile: renderPrintFile(db, getStorage()),
      renderMockups: renderMockups(db, getStorage()),
      renderSnapshot: renderSnapshot(db, getStorage()),
      expireOrder: expireOrder(db),
      sendOrderMail: sendOrderMail(db),
      sendRefundMail: sendRefundMail(db),
      refundLatePayment: refundLatePayment(db),
    },
    parsedCronItems: parseCronItems([
      { task: "cleanupExpired", match: "17 * * * *", options: { backfillPeriod: 0 } },
      { task: "cleanupUploads", match: "37 * * * *", options: { backfillPeriod: 0 } },
    ]),
  });
  if (!workerId) throw new Error("graphile-worker created no worker pool");
  const stopHeartbeat = startHeartbeat(db, workerId);
  const stopSweeper = startStaleWorkerSweeper(db, pool, log);
  console.log(`[worker] ${workerId} running, concurrency 1`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the current step`);
    shutdown.abort();
    stopSweeper();
    await runner.stop();
    await stopHeartbeat();
    await pool.end();
    await taskPool.end();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await runner.promise;
}

main().catch((e) => {
  console.error("[worker] fatal:", e);
  process.exit(1);
});
