import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { runMigrations } from "graphile-worker";
import pg from "pg";
import { projectRoot } from "./projectRoot";
import { createDb } from "./client";

export const MIGRATIONS_DIR = path.join(projectRoot(), "db", "migrations");

/** Any fixed number: the advisory lock that lets one process migrate while the others wait. */
const MIGRATION_LOCK = 7_240_518_331;

export async function applyMigrations(url: string): Promise<void> {
  const { db, pool } = createDb(url, 1);
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await pool.end();
  }
}

/**
 * Ours and graphile-worker's, one process at a time: several web and worker processes starting
 * together against one Postgres would otherwise race to create the same tables.
 */
export async function applyAllMigrations(url: string): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await applyMigrations(url);
    await runMigrations({ connectionString: url });
  } finally {
    await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await lock.end();
  }
}
