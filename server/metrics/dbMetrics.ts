import { sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import type { Db } from "@/db/client";
import { metrics } from "./registry";

type Row = Record<string, string | number | null>;

/**
 * What Postgres knows, read at each scrape: the same in every web process. Jobs waiting and the
 * oldest one's wait by task; all-time order transitions and payment events (monotonic counts,
 * exposed as gauges since they are read, not counted here); generations by status, and seconds
 * per diffusion step by device over the last hour; jobs' wait and run quantiles and outcomes over
 * the last hour (job_runs, written by the workers).
 */
export function watchDatabase(db: Db): void {
  const rows = async (query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
  const gauge = (name: string, help: string, labelNames: string[], query: () => Promise<Row[]>, value: string) => {
    metrics.removeSingleMetric(name); // the last database watched is the one read
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [metrics],
      async collect() {
        this.reset();
        for (const r of await query()) this.set(Object.fromEntries(labelNames.map((l) => [l, String(r[l] ?? "")])), Number(r[value] ?? 0));
      },
    });
  };
  gauge("merchboard_jobs_waiting", "Jobs waiting to run (not locked, due), by task.", ["task"], () =>
    rows(sql`select k.identifier as task, count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
             where j.locked_at is null and j.run_at <= now() and j.attempts < j.max_attempts group by k.identifier`), "n");
  gauge("merchboard_jobs_running", "Jobs locked by a worker, by task.", ["task"], () =>
    rows(sql`select k.identifier as task, count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
             where j.locked_at is not null group by k.identifier`), "n");
  gauge("merchboard_jobs_oldest_wait_seconds", "How long the oldest due job of each task has waited.", ["task"], () =>
    rows(sql`select k.identifier as task, extract(epoch from now() - min(j.run_at))::float as s from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
             where j.locked_at is null and j.run_at <= now() group by k.identifier`), "s");
  const timing = (column: "waited_ms" | "ran_ms") => () =>
    rows(sql`select task, q.quantile, percentile_cont(q.quantile) within group (order by ${sql.raw(column)}) / 1000.0 as s
               from job_runs, (values (0.5::float), (0.95::float)) as q(quantile)
              where finished_at > now() - interval '1 hour' group by task, q.quantile`);
  gauge("merchboard_job_wait_seconds", "How long jobs waited from due to taken over the last hour, by task (quantile 0.5, 0.95).", ["task", "quantile"], timing("waited_ms"), "s");
  gauge("merchboard_job_run_seconds", "How long jobs ran over the last hour, by task (quantile 0.5, 0.95).", ["task", "quantile"], timing("ran_ms"), "s");
  gauge("merchboard_job_runs_last_hour", "Jobs finished or failed over the last hour, by task and outcome.", ["task", "outcome"], () =>
    rows(sql`select task, case when ok then 'ok' else 'failed' end as outcome, count(*)::int as n from job_runs where finished_at > now() - interval '1 hour' group by task, ok`), "n");
  gauge("merchboard_order_transitions", "Order status changes recorded, all time, by new status.", ["status"], () =>
    rows(sql`select to_status as status, count(*)::int as n from order_events group by to_status`), "n");
  gauge("merchboard_payment_events", "Payment webhooks applied or refused, all time, by provider, kind and outcome.", ["provider", "kind", "outcome"], () =>
    rows(sql`select provider, kind, outcome, count(*)::int as n from payment_events group by provider, kind, outcome`), "n");
  gauge("merchboard_generations", "Generations by status (queued and running are the queue).", ["status"], () =>
    rows(sql`select status, count(*)::int as n from generations where status in ('queued', 'running') group by status`), "n");
  gauge("merchboard_generation_step_seconds", "Mean seconds per diffusion step over the last hour, by device.", ["device"], () =>
    rows(sql`select provider as device, (sum(duration_ms) / 1000.0 / nullif(sum(total_steps), 0))::float as s from generations
             where status = 'succeeded' and finished_at > now() - interval '1 hour' and provider is not null group by provider`), "s");
}
