import { EventEmitter } from "node:events";
import { parseCronItems, run, type TaskList, type WorkerEvents } from "graphile-worker";
import { log, setLogRole } from "@/server/log";
import { createDb, type Db } from "@/db/client";
import { getStorage } from "@/server/storage/storage";
import { inferenceDevice } from "./diffusion/providers";
import { startHeartbeat } from "./heartbeat";
import { recordedTask } from "./jobRuns";
import { chosenQueues, queueConcurrency, QUEUES, type QueueName } from "@/server/jobs/queues";
import { startStaleWorkerSweeper } from "./staleWorkers";
import { cleanupExpired } from "./tasks/cleanupExpired";
import { cleanupUploads } from "./tasks/cleanupUploads";
import { deleteCanvasObjects } from "./tasks/deleteCanvasObjects";
import { generate } from "./tasks/generate";
import { renderMockups } from "./tasks/renderMockups";
import { renderPrintFile } from "./tasks/renderPrintFile";
import { renderSnapshot } from "./tasks/renderSnapshot";
import { renderCanvasCover } from "./tasks/renderCanvasCover";
import { expireOrder } from "./tasks/expireOrder";
import { refundLatePayment } from "./tasks/refundLatePayment";
import { sendOrderMail } from "./tasks/sendOrderMail";
import { sendRefundMail } from "./tasks/sendRefundMail";

/**
 * The worker process: one graphile-worker runner per queue it serves (server/jobs/queues.ts), so order
 * mail and print files never wait behind a generation. The GPU queue runs one job at a time, since
 * a generation holds the accelerator. SIGTERM lets the current diffusion step finish, puts its
 * generation back in the queue and exits; a worker that dies without that (SIGKILL, power) has its
 * jobs unlocked by the next worker that notices its heartbeat has stopped.
 */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  setLogRole("worker");
  const queues = chosenQueues(process.argv.slice(2), process.env.WORKER_QUEUES);
  const { db, pool: taskPool } = createDb(url, 3);
  const shutdown = new AbortController();
  const say = (m: string) => log.info(m);
  const storage = getStorage();
  const tasks: TaskList = {
    cleanupExpired: cleanupExpired(db),
    cleanupUploads: cleanupUploads(db, storage),
    deleteCanvasObjects: deleteCanvasObjects(storage),
    generate: generate({ db, storage, device: inferenceDevice(process.env.INFERENCE_DEVICE), shutdown: shutdown.signal, log: say }),
    renderPrintFile: renderPrintFile(db, storage),
    renderMockups: renderMockups(db, storage),
    renderSnapshot: renderSnapshot(db, storage),
    renderCanvasCover: renderCanvasCover(db, storage),
    expireOrder: expireOrder(db),
    sendOrderMail: sendOrderMail(db),
    sendRefundMail: sendRefundMail(db),
    refundLatePayment: refundLatePayment(db),
  };
  const runners: Awaited<ReturnType<typeof startQueue>>[] = [];
  for (const queue of queues) runners.push(await startQueue(url, db, queue, queueConcurrency(queue, process.env), tasks));
  const stopSweeper = startStaleWorkerSweeper(db, runners[0]!.pool, say);
  log.info(`worker running, concurrency ${queues.map((q) => `${q} ${queueConcurrency(q, process.env)}`).join(", ")}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`worker ${signal}: finishing the current step`);
    shutdown.abort();
    stopSweeper();
    await Promise.all(runners.map((r) => r.stop()));
    await taskPool.end();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await Promise.all(runners.map((r) => r.done));
}

/** A runner for one queue: only that queue's tasks, its own connections, its own heartbeat. */
async function startQueue(url: string, db: Db, queue: QueueName, concurrency: number, tasks: TaskList) {
  // graphile-worker's own bookkeeping (job locks, completions, the stale-worker sweep) does not
  // wait for the disk: a crash of Postgres or the machine could lose a lock or a completion, which
  // only re-runs a job, and every task is safe to run twice. What tasks write (a generation's
  // images and status, announced to collaborators; a document edit that every client receives)
  // commits synchronously on a pool of its own, since others act on it at once.
  const { pool } = createDb(url, concurrency + 1, { asyncCommit: true });
  const events: WorkerEvents = new EventEmitter();
  // Jobs are locked in the name of the worker pool; the heartbeat row carries that id so that a
  // dead worker's locks can be released by it.
  let workerId = "";
  events.on("pool:create", ({ workerPool }) => (workerId = workerPool.id));
  const runner = await run({
    pgPool: pool,
    concurrency,
    events,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: Object.fromEntries(QUEUES[queue].map((name) => [name, recordedTask({ db, queue, workerId: () => workerId }, name, tasks[name]!)])),
    parsedCronItems: queue === "cpu" ? CRON : [],
  });
  if (!workerId) throw new Error("graphile-worker created no worker pool");
  const stopHeartbeat = startHeartbeat(db, workerId, { queue, concurrency, device: process.env.INFERENCE_DEVICE || "auto" });
  log.info({ workerId, queue, concurrency }, `worker ${workerId} serves the ${queue} queue`);
  return {
    pool,
    done: runner.promise,
    stop: async () => {
      await runner.stop();
      await stopHeartbeat();
      await pool.end();
    },
  };
}

const CRON = parseCronItems([
  { task: "cleanupExpired", match: "17 * * * *", options: { backfillPeriod: 0 } },
  { task: "cleanupUploads", match: "37 * * * *", options: { backfillPeriod: 0 } },
]);

main().catch((e) => {
  log.fatal({ err: e }, "worker: fatal");
  process.exit(1);
});
