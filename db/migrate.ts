import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { projectRoot } from "./projectRoot";
import { createDb } from "./client";

export const MIGRATIONS_DIR = path.join(projectRoot(), "db", "migrations");

export async function applyMigrations(url: string): Promise<void> {
  const { db, pool } = createDb(url, 1);
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await pool.end();
  }
}
