import fs from "node:fs";
import path from "node:path";
import type http from "node:http";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { MIGRATIONS_DIR } from "@/db/migrate";
import { s3ConfigFromEnv } from "../storage/config";
import { createS3, storageAnswers } from "../storage/s3";

export const READY_PATH = "/api/ready";
export const LIVE_PATH = "/api/live";

export type Readiness = { ready: boolean; db: boolean; storage: boolean; migrations: boolean; draining: boolean };

/** Results are reused this long, so that a flood of probes costs one check a second. */
const CHECK_REUSE_MS = 1000;

/**
 * Liveness and readiness of this web process. Live: it answers at all. Ready: Postgres answers with
 * every migration of this build applied, the S3 store answers, and the process is not stopping; a
 * proxy or orchestrator sends traffic only to ready processes. The worker is not part of it (a web
 * process without workers still serves; /api/health and the status page say so).
 */
export function createReadiness(db: Db) {
  const s3Config = s3ConfigFromEnv();
  const s3 = createS3(s3Config);
  const migrationsOfBuild = (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  let draining = false;
  let last: { at: number; result: Promise<Omit<Readiness, "draining" | "ready">> } | null = null;

  const check = async () => {
    const dbState = db
      .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
      .then((r) => ({ db: true, migrations: Number((r.rows[0] as { n: number }).n) >= migrationsOfBuild }))
      .catch(() => ({ db: false, migrations: false }));
    const [state, storage] = await Promise.all([dbState, storageAnswers(s3, s3Config.bucket)]);
    return { ...state, storage };
  };

  const readiness = async (): Promise<Readiness> => {
    if (!last || Date.now() - last.at > CHECK_REUSE_MS) last = { at: Date.now(), result: check() };
    const parts = await last.result;
    return { ...parts, draining, ready: parts.db && parts.migrations && parts.storage && !draining };
  };

  return {
    readiness,
    /** From now on this process reports not ready (it is stopping). */
    drain: () => void (draining = true),
    handles: (req: http.IncomingMessage) => req.url === READY_PATH || req.url === LIVE_PATH,
    serve: async (req: http.IncomingMessage, res: http.ServerResponse) => {
      const headers = { "content-type": "application/json", "cache-control": "no-store" };
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
      if (req.url === LIVE_PATH) return void res.writeHead(200, headers).end(JSON.stringify({ live: true, pid: process.pid }));
      const state = await readiness();
      res.writeHead(state.ready ? 200 : 503, headers).end(JSON.stringify(state));
    },
  };
}
