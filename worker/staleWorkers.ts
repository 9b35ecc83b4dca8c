import { sql } from "drizzle-orm";
import { makeWorkerUtils } from "graphile-worker";
import type pg from "pg";
import type { Db } from "@/db/client";
import { failOrphanedGenerations } from "./generation/generationRun";
import { HEARTBEAT_MS } from "./heartbeat";

/** A worker silent this long is dead: its locked jobs are handed back to the queue. */
export const STALE_AFTER_MS = 4 * HEARTBEAT_MS;
const SWEEP_MS = 2 * HEARTBEAT_MS;

/**
 * graphile-worker only reclaims a job whose worker vanished after four hours. Our workers beat
 * every few seconds, so one that stops beating has its jobs unlocked here within about half a
 * minute, and the job runs again on whichever worker is alive (a restarted one included). A
 * generation whose job is gone for good (it crashed its worker on every attempt) is failed here.
 */
export function startStaleWorkerSweeper(db: Db, pool: pg.Pool, log: (m: string) => void): () => void {
  const utils = makeWorkerUtils({ pgPool: pool });
  const sweep = async () => {
    try {
      const stale = await db.execute(sql`
        delete from worker_heartbeats
        where last_seen_at < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})
        returning worker_id
      `);
      const ids = (stale.rows as { worker_id: string }[]).map((r) => r.worker_id);
      if (ids.length) {
        await (await utils).forceUnlockWorkers(ids);
        log(`[worker] unlocked the jobs of stopped workers: ${ids.join(", ")}`);
      }
      const orphaned = await failOrphanedGenerations(db);
      if (orphaned) log(`[worker] ${orphaned} generation(s) had no job left to run them and were marked failed`);
    } catch (e) {
      log(`[worker] stale-worker sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  return () => {
    clearInterval(timer);
    void utils.then((u) => u.release()).catch(() => {});
  };
}
