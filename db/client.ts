import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export function createDb(url: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // 57P01: the server is shutting down, which happens on every clean stop; nothing to report.
  const report = (what: string) => (err: Error & { code?: string }) => err.code !== "57P01" && console.error(`[db] ${what}:`, err.message);
  pool.on("error", report("idle client error"));
  pool.on("connect", (client) => client.on("error", report("client error")));
  return { db: drizzle(pool, { schema }), pool };
}
