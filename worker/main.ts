import { randomUUID } from "node:crypto";
import { parseCronItems, run } from "graphile-worker";
import { createDb } from "@/db/client";
import { startHeartbeat } from "./heartbeat";
import { cleanupExpired } from "./tasks/cleanupExpired";

/** The worker process: graphile-worker with one job at a time (it will hold the accelerator). */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const { db, pool } = createDb(url, 4);
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const runner = await run({
    pgPool: pool,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: { cleanupExpired: cleanupExpired(db) },
    parsedCronItems: parseCronItems([{ task: "cleanupExpired", match: "17 * * * *", options: { backfillPeriod: 0 } }]),
  });
  const stopHeartbeat = startHeartbeat(db, workerId);
  console.log(`[worker] ${workerId} running, concurrency 1`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the current job`);
    await stopHeartbeat();
    await runner.stop();
    await pool.end();
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
