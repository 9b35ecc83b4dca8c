import { randomBytes } from "node:crypto";
import { runMigrations } from "graphile-worker";
import { inject } from "vitest";
import { createDb, type Db } from "@/db/client";
import { databaseUrl, ensureDatabase } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";

export type TestDb = { db: Db; url: string; close: () => Promise<void> };

/**
 * A fresh database on the run's embedded Postgres, migrated as production is: our schema and
 * graphile-worker's (services enqueue jobs in their transactions, e.g. deleting a canvas).
 */
export async function createTestDb(): Promise<TestDb> {
  const port = inject("pgPort");
  const name = `t_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(port, name);
  const url = databaseUrl(port, name);
  await applyMigrations(url);
  await runMigrations({ connectionString: url });
  const { db, pool } = createDb(url, 5);
  return { db, url, close: () => pool.end() };
}
