import { sql } from "drizzle-orm";
import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { storageAnswers } from "./storage/s3";

export const WORKER_STALE_MS = 15_000;

export type Health = { ok: boolean; db: boolean; storage: boolean; worker: boolean };

/** Each part is true only when it answered just now; the worker through its heartbeat row. */
export async function checkHealth(db: Db, s3: S3Client, bucket: string): Promise<Health> {
  const dbAndWorker = (async () => {
    try {
      const res = await db.execute(
        sql`select exists(select 1 from worker_heartbeats where last_seen_at > now() - make_interval(secs => ${WORKER_STALE_MS / 1000})) as alive`,
      );
      return { db: true, worker: (res.rows[0] as { alive: boolean } | undefined)?.alive === true };
    } catch {
      return { db: false, worker: false };
    }
  })();
  const [{ db: dbOk, worker }, storage] = await Promise.all([dbAndWorker, storageAnswers(s3, bucket)]);
  return { ok: dbOk && storage && worker, db: dbOk, storage, worker };
}
