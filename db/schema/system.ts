import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per queue runner of a worker process, touched every few seconds: health reads its
 * freshness, the status page what it serves and on what.
 */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  hostname: text("hostname").notNull(),
  pid: integer("pid"),
  queue: text("queue").notNull().default(""),
  concurrency: integer("concurrency").notNull().default(1),
  /** INFERENCE_DEVICE as configured (auto, cuda, webgpu, cpu); the provider used is on each generation. */
  device: text("device"),
  model: text("model"),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every job a worker finished or failed, kept a week: graphile-worker deletes a job once done, so
 * this is where waits, run times and failures are read (status page, /metrics).
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    task: text("task").notNull(),
    queue: text("queue").notNull(),
    jobId: text("job_id").notNull(),
    workerId: text("worker_id").notNull(),
    attempt: integer("attempt").notNull(),
    /** From when the job was due to when a worker took it. */
    waitedMs: integer("waited_ms").notNull(),
    ranMs: integer("ran_ms").notNull(),
    ok: boolean("ok").notNull(),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_runs_finished_idx").on(t.finishedAt), index("job_runs_failed_idx").on(t.finishedAt).where(sql`not ${t.ok}`)],
);
