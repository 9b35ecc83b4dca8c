import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { QUEUE_NAMES, queueOf, type QueueName } from "@/server/jobs/queues";
import { checkHealth, WORKER_STALE_MS } from "@/server/health";
import type { Storage } from "@/server/storage/storage";

type Rows<T> = Promise<T[]>;
const rows = async <T>(db: Db, query: ReturnType<typeof sql>): Rows<T> => (await db.execute(query)).rows as T[];
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export type Timing = { p50: number | null; p95: number | null };
export type QueueLoad = { waiting: number; scheduled: number; running: number; dead: number; oldestWaitS: number | null };
export type RunStats = { finished: number; failed: number; waitS: Timing; runS: Timing };
export type TaskStatus = QueueLoad & RunStats & { task: string };
export type QueueStatus = QueueLoad & RunStats & { queue: QueueName; workers: number; slots: number; tasks: TaskStatus[] };

export type WorkerStatus = {
  workerId: string;
  hostname: string;
  pid: number | null;
  queue: string;
  concurrency: number;
  device: string | null;
  model: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  alive: boolean;
  running: number;
};

export type Failure = { at: Date; kind: "job" | "generation"; task: string; ref: string; attempt: number | null; error: string; final: boolean };
export type DeviceStats = { device: string; model: string; generations: number; stepS: number | null };

/** Window of the timings and counts of finished jobs. */
export const STATS_WINDOW_S = 3600;

/**
 * What the status page shows: whether Postgres, storage and a worker answer; the workers (each
 * queue runner) with what they serve and on what; jobs waiting and running by queue and task with
 * the last hour's wait and run timings; devices; recent failures.
 */
export async function systemStatus(db: Db, storage: Storage) {
  const [health, workers, load, runs, devices, failures] = await Promise.all([
    checkHealth(db, storage.s3, storage.bucket),
    workerRows(db),
    loadRows(db),
    runRows(db),
    deviceRows(db),
    failureRows(db),
  ]);
  const emptyLoad = (): QueueLoad => ({ waiting: 0, scheduled: 0, running: 0, dead: 0, oldestWaitS: null });
  const emptyRuns = (): RunStats => ({ finished: 0, failed: 0, waitS: { p50: null, p95: null }, runS: { p50: null, p95: null } });
  const queues: QueueStatus[] = QUEUE_NAMES.map((queue) => {
    const mine = workers.filter((w) => w.alive && w.queue === queue);
    return { queue, ...emptyLoad(), ...emptyRuns(), ...runs.get(`${queue}:`), workers: mine.length, slots: mine.reduce((n, w) => n + w.concurrency, 0), tasks: [] };
  });
  const taskOf = (queue: QueueStatus, task: string) => {
    let t = queue.tasks.find((x) => x.task === task);
    if (!t) queue.tasks.push((t = { task, ...emptyLoad(), ...emptyRuns(), ...runs.get(`${queue.queue}:${task}`) }));
    return t;
  };
  for (const row of load) {
    const queue = queues.find((q) => q.queue === queueOf(row.task));
    if (!queue) continue;
    const t = taskOf(queue, row.task);
    for (const target of [t, queue]) {
      target.waiting += row.waiting;
      target.scheduled += row.scheduled;
      target.running += row.running;
      target.dead += row.dead;
      if (row.oldestWaitS !== null) target.oldestWaitS = Math.max(target.oldestWaitS ?? 0, row.oldestWaitS);
    }
  }
  for (const key of runs.keys()) {
    const [queueName, task] = key.split(":");
    const queue = queues.find((q) => q.queue === queueName);
    if (queue && task) taskOf(queue, task);
  }
  for (const q of queues) q.tasks.sort((a, b) => a.task.localeCompare(b.task));
  return { checkedAt: new Date(), windowS: STATS_WINDOW_S, health, workers, queues, devices, failures };
}

export type SystemStatus = Awaited<ReturnType<typeof systemStatus>>;

async function workerRows(db: Db): Promise<WorkerStatus[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select h.worker_id, h.hostname, h.pid, h.queue, h.concurrency, h.device, h.model, h.started_at, h.last_seen_at,
               h.last_seen_at > now() - make_interval(secs => ${WORKER_STALE_MS / 1000}) as alive,
               (select count(*)::int from graphile_worker._private_jobs j where j.locked_by = h.worker_id) as running
          from worker_heartbeats h order by h.queue, h.started_at`,
  );
  return list.map((r) => ({
    workerId: String(r.worker_id),
    hostname: String(r.hostname),
    pid: num(r.pid),
    queue: String(r.queue),
    concurrency: Number(r.concurrency),
    device: (r.device as string | null) ?? null,
    model: (r.model as string | null) ?? null,
    startedAt: new Date(r.started_at as string),
    lastSeenAt: new Date(r.last_seen_at as string),
    alive: r.alive === true,
    running: Number(r.running),
  }));
}

async function loadRows(db: Db) {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select k.identifier as task,
               count(*) filter (where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts)::int as waiting,
               count(*) filter (where j.locked_at is null and j.run_at > now() and j.attempts < j.max_attempts)::int as scheduled,
               count(*) filter (where j.locked_at is not null)::int as running,
               count(*) filter (where j.locked_at is null and j.attempts >= j.max_attempts)::int as dead,
               extract(epoch from now() - min(j.run_at) filter (where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts))::float as oldest
          from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id group by k.identifier`,
  );
  return list.map((r) => ({ task: String(r.task), waiting: Number(r.waiting), scheduled: Number(r.scheduled), running: Number(r.running), dead: Number(r.dead), oldestWaitS: num(r.oldest) }));
}

/** Timings by queue (key `queue:`) and by task (`queue:task`) over the window. */
async function runRows(db: Db): Promise<Map<string, RunStats>> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select queue, task, count(*) filter (where ok)::int as finished, count(*) filter (where not ok)::int as failed,
               percentile_cont(0.5) within group (order by waited_ms) / 1000.0 as wait50, percentile_cont(0.95) within group (order by waited_ms) / 1000.0 as wait95,
               percentile_cont(0.5) within group (order by ran_ms) / 1000.0 as run50, percentile_cont(0.95) within group (order by ran_ms) / 1000.0 as run95
          from job_runs where finished_at > now() - make_interval(secs => ${STATS_WINDOW_S})
         group by grouping sets ((queue), (queue, task))`,
  );
  return new Map(
    list.map((r) => [
      `${r.queue}:${r.task ?? ""}`,
      { finished: Number(r.finished), failed: Number(r.failed), waitS: { p50: num(r.wait50), p95: num(r.wait95) }, runS: { p50: num(r.run50), p95: num(r.run95) } },
    ]),
  );
}

async function deviceRows(db: Db): Promise<DeviceStats[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`select provider as device, coalesce(model_name, '') as model, count(*)::int as n, (sum(duration_ms) / 1000.0 / nullif(sum(total_steps), 0))::float as s
          from generations where status = 'succeeded' and finished_at > now() - make_interval(secs => ${STATS_WINDOW_S}) and provider is not null and provider <> ''
         group by provider, model_name order by n desc`,
  );
  return list.map((r) => ({ device: String(r.device), model: String(r.model), generations: Number(r.n), stepS: num(r.s) }));
}

/** The last day's failed job runs (final when the job has no attempt left; a job that later succeeded is gone) and failed generations, newest first. */
async function failureRows(db: Db): Promise<Failure[]> {
  const list = await rows<Record<string, unknown>>(
    db,
    sql`(select r.finished_at as at, 'job' as kind, r.task, r.job_id as ref, r.attempt, coalesce(r.error, '') as error,
                exists (select 1 from graphile_worker._private_jobs j where j.id::text = r.job_id and j.attempts >= j.max_attempts) as final
           from job_runs r where not r.ok and r.finished_at > now() - interval '1 day' order by r.finished_at desc limit 20)
        union all
        (select g.finished_at, 'generation', 'generate', g.id::text, null, coalesce(g.error, ''), true
           from generations g where g.status = 'failed' and g.finished_at > now() - interval '1 day' order by g.finished_at desc limit 20)
        order by at desc limit 30`,
  );
  return list.map((r) => ({
    at: new Date(r.at as string),
    kind: r.kind === "generation" ? "generation" : "job",
    task: String(r.task),
    ref: String(r.ref),
    attempt: num(r.attempt),
    error: String(r.error),
    final: r.final === true,
  }));
}
