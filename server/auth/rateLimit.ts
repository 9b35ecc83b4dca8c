import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { AppError } from "../errors";

/** A counter: `key` names what is counted and for whom (an e-mail, a client address, a user). */
export type Bucket = { key: string; max: number; windowSeconds: number };

export type Attempt = {
  /** What each bucket counts now, this attempt included. */
  hits: (key: string) => number;
  /** Takes this attempt back (it succeeded, so it is not a failure to count). */
  refund: () => Promise<void>;
};

type Row = { key: string; hits: number; ends: number; now: number };

/**
 * Counts one attempt in every bucket in a single statement (insert or increment, returning the
 * new counts), so that concurrent attempts each see a count that includes all earlier ones and
 * parallel or batched calls cannot get past a limit. A key's window opens at its first attempt and
 * a new one opens at the first attempt after it ends. When any bucket is over its limit the attempt
 * is taken back at once and refused with TOO_MANY_REQUESTS and how long until that window ends: a
 * refused attempt does not count, so hammering a closed door does not keep it closed longer.
 */
export async function takeAttempt(db: DbOrTx, buckets: Bucket[], refusal = defaultRefusal): Promise<Attempt> {
  const unique = [...new Map(buckets.map((b) => [b.key, b])).values()];
  const { rows } = await db.execute<Row>(sql`
    insert into rate_limit_counters as c (key, hits, window_ends_at)
    select k, 1, now() + make_interval(secs => w)
    from unnest(${sql.param(unique.map((b) => b.key))}::text[], ${sql.param(unique.map((b) => b.windowSeconds))}::int[]) as t(k, w)
    on conflict (key) do update set
      hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
      window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
    returning key, hits, extract(epoch from window_ends_at)::float8 as ends, extract(epoch from now())::float8 as now`);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const refund = () => takeBack(db, rows);
  const over = rows.filter((r) => r.hits > unique.find((b) => b.key === r.key)!.max);
  if (over.length) {
    await refund();
    throw refusal(Math.max(1, ...over.map((r) => Math.ceil(r.ends - r.now))));
  }
  return { hits: (key) => byKey.get(key)?.hits ?? 0, refund };
}

/** Takes attempts back from the windows they were counted in (not from a window opened since). */
async function takeBack(db: DbOrTx, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await db.execute(sql`
    update rate_limit_counters c set hits = c.hits - 1
    from unnest(${sql.param(rows.map((r) => r.key))}::text[], ${sql.param(rows.map((r) => r.ends))}::float8[]) as t(k, ends)
    where c.key = t.k and extract(epoch from c.window_ends_at)::float8 = t.ends and c.hits > 0`);
}

export function tooManyRequests(reason: string, message: string) {
  return (retryAfterSeconds: number) => new AppError("TOO_MANY_REQUESTS", reason, message, { retryAfterSeconds });
}

const defaultRefusal = tooManyRequests("rateLimit.tooMany", "Too many attempts. Please wait a little and try again.");

/** Forgets the counts of these keys (a password reset clears the e-mail's sign-in failures). */
export async function clearCounts(db: DbOrTx, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.execute(sql`delete from rate_limit_counters where key = any(${sql.param(keys)}::text[])`);
}
