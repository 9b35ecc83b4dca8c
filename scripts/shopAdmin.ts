import path from "node:path";
import pg from "pg";
import { createDb } from "@/db/client";
import { databaseUrl, startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { projectRoot } from "@/db/projectRoot";
import { setShopAdmin } from "@/server/services/shop/shopAdmin";

/**
 * The operator's command for the shop-admin role:
 *   npm run shop-admin -- grant ada@example.com
 *   npm run shop-admin -- revoke ada@example.com
 * It uses DATABASE_URL, else the embedded Postgres of `npm start` (started for the moment if it
 * is not running). The account must have verified its e-mail.
 */
async function main() {
  const [action, email] = process.argv.slice(2);
  if ((action !== "grant" && action !== "revoke") || !email) {
    console.error("usage: npm run shop-admin -- grant|revoke <e-mail>");
    process.exit(2);
  }
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    url = databaseUrl(port, "merchboard");
    if (!(await reachable(url))) {
      const dataDir = path.resolve(projectRoot(), process.env.DATA_DIR ?? ".data");
      const embedded = await startEmbeddedPostgres(path.join(dataDir, "postgres"), port, () => {});
      stop = embedded.stop;
    }
  }
  const { db, pool } = createDb(url, 1);
  try {
    await applyMigrations(url);
    const { userId } = await setShopAdmin(db, email, action === "grant");
    console.log(`${email} (${userId}) ${action === "grant" ? "is now a shop admin" : "is no longer a shop admin"}.`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await pool.end();
    await stop();
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

await main();
