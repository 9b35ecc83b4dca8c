import type { Task } from "graphile-worker";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { log, logContext } from "@/server/log";

type Runner = { db: Db; queue: string; workerId: () => string };

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 500);

/**
 * Runs a task in its job's log context (with the id of the request that queued it, see enqueue)
 * and writes how long the job waited and ran, and how it ended, to job_runs. A failed write is
 * logged, never turned into a failed job.
 */
export function recordedTask({ db, queue, workerId }: Runner, name: string, task: Task): Task {
  return (payload, helpers) => {
    const reqId = typeof payload === "object" && payload && "requestId" in payload ? String(payload.requestId) : undefined;
    return logContext.run({ reqId, jobId: helpers.job.id, task: name }, async () => {
      const started = Date.now();
      const record = (ok: boolean, error: string | null) =>
        db
          .insert(jobRuns)
          .values({
            task: name,
            queue,
            jobId: String(helpers.job.id),
            workerId: workerId(),
            attempt: helpers.job.attempts,
            waitedMs: Math.max(0, started - new Date(helpers.job.run_at).getTime()),
            ranMs: Date.now() - started,
            ok,
            error,
          })
          .catch((e: unknown) => log.error({ err: e }, "worker: could not record a job run"));
      try {
        await task(payload, helpers);
      } catch (e) {
        await record(false, describe(e));
        throw e;
      }
      await record(true, null);
    });
  };
}
