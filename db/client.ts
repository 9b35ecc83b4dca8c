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
export function createDb(url: string, max = 10, opts: { asyncCommit?: boolean } = {}): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, ...(opts.asyncCommit ? { options: "-c synchronous_commit=off" } : {}) });
  // 57P01: the server is shutting down, which happens on every clean stop; nothing to report.
  const report = (what: string) => (err: Error & { code?: string }) => err.code !== "57P01" && console.error(`[db] ${what}:`, err.message);
  pool.on("error", report("idle client error"));
  pool.on("connect", (client) => client.on("error", report("client error")));
  return { db: drizzle(pool, { schema }), pool };
}
