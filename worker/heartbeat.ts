import os from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { log } from "@/server/log";

export const HEARTBEAT_MS = 5_000;

export function startHeartbeat(db: Db, workerId: string): () => Promise<void> {
  const beat = () =>
    db
      .insert(workerHeartbeats)
      .values({ workerId, hostname: os.hostname() })
      .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { lastSeenAt: sql`now()` } })
      .catch((e: Error) => log.error({ err: e }, "worker: heartbeat failed"));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  return async () => {
    clearInterval(timer);
    await db.delete(workerHeartbeats).where(sql`${workerHeartbeats.workerId} = ${workerId}`).catch(() => {});
  };
}
