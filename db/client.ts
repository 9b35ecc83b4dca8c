import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * `asyncCommit`: commits return before the WAL reaches disk, so a crash of Postgres or the machine
 * (not only of ours) can lose the last fraction of a second. Only for writes whose loss merely
 * re-runs something: the worker's queue bookkeeping (job locks, completions). Anything promised
 * durable (a broadcast edit, an order, a payment) commits synchronously.
 */
/**
 * `keepOpen`: the pool's connections, once opened, stay open however long they idle (see `warmPool`).
 */
export function createDb(url: string, max = 10, opts: { asyncCommit?: boolean; keepOpen?: boolean } = {}): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, ...(opts.keepOpen ? { min: max } : {}), ...(opts.asyncCommit ? { options: "-c synchronous_commit=off" } : {}) });
  // 57P01: the server is shutting down, which happens on every clean stop; nothing to report.
  const report = (what: string) => (err: Error & { code?: string }) => err.code !== "57P01" && console.error(`[db] ${what}:`, err.message);
  pool.on("error", report("idle client error"));
  pool.on("connect", (client) => client.on("error", report("client error")));
  return { db: drizzle(pool, { schema }), pool };
}

/**
 * Opens every connection of a pool now. A connection opened in the middle of a burst makes the
 * statement that waits for it take a Postgres backend's start and a password exchange (up to about
 * 100 ms on a busy machine), which is a latency-bound path's whole tail.
 */
export async function warmPool(pool: pg.Pool, connections: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const c of clients) c.release();
}
