import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export function createDb(url: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  pool.on("connect", (client) => client.on("error", (err) => console.error("[db] client error:", err.message)));
  return { db: drizzle(pool, { schema }), pool };
}
