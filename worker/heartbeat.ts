import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { log } from "@/server/log";
import { modelDir } from "@/server/services/model/modelFolder";

export const HEARTBEAT_MS = 5_000;

export type RunnerInfo = { queue: string; concurrency: number; device: string };

/** Writes this runner's row now and every few seconds; the returned function stops and removes it. */
export function startHeartbeat(db: Db, workerId: string, info: RunnerInfo): () => Promise<void> {
  const row = { workerId, hostname: os.hostname(), pid: process.pid, ...info, model: info.queue === "gpu" ? path.basename(modelDir()) : null };
  const beat = () =>
    db
      .insert(workerHeartbeats)
      .values(row)
      .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { lastSeenAt: sql`now()` } })
      .catch((e: Error) => log.error({ err: e }, "worker: heartbeat failed"));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  return async () => {
    clearInterval(timer);
    await db.delete(workerHeartbeats).where(sql`${workerHeartbeats.workerId} = ${workerId}`).catch(() => {});
  };
}
