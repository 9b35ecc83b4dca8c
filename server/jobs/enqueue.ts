import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { logContext } from "../log";
import { jobSchemas, type JobName, type JobPayload } from "./definitions";

/** `priority`: lower runs first (default 0), for work a person is waiting on behind long jobs. */
export type EnqueueOptions = { jobKey?: string; runAt?: Date; maxAttempts?: number; queueName?: string; priority?: number };

/** Adds a graphile-worker job through SQL, so it commits or rolls back with the caller's transaction. */
export async function enqueue<N extends JobName>(db: DbOrTx, name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}) {
  const parsed = jobSchemas[name].parse(payload);
  // The request that queued it: the worker's log lines for the job carry the same id.
  const requestId = logContext.getStore()?.reqId;
  await db.execute(sql`select graphile_worker.add_job(
    identifier => ${name},
    payload => ${JSON.stringify(requestId ? { ...parsed, requestId } : parsed)}::json,
    queue_name => ${opts.queueName ?? null},
    run_at => ${opts.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${opts.maxAttempts ?? null}::int,
    priority => ${opts.priority ?? null}::int,
    job_key => ${opts.jobKey ?? null}
  )`);
}
