import { spawn, type ChildProcess } from "node:child_process";
import { projectRoot } from "@/db/projectRoot";

export type AppProcess = { child: ChildProcess; port: number; origin: string; log: () => string };

/**
 * The whole app as `npm start` runs it (web, worker, embedded Postgres and S3), from the production
 * build. `detached` makes it the leader of a process group of its own, which holds every process
 * it starts, so that a test can kill the group at once as a container stop or power cut would.
 */
export function startApp(opts: { port: number; pgPort: number; dataDir: string; detached?: boolean }): AppProcess {
  const origin = `http://localhost:${opts.port}`;
  const child = spawn(process.execPath, [".build/scripts/start.mjs"], {
    cwd: projectRoot(),
    detached: opts.detached,
    env: { ...process.env, PORT: String(opts.port), EMBEDDED_PG_PORT: String(opts.pgPort), DATA_DIR: opts.dataDir, APP_URL: origin, DATABASE_URL: "", S3_ENDPOINT: "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  return { child, port: opts.port, origin, log: () => log };
}

export async function waitHealthy(app: AppProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && app.child.exitCode === null) {
    const res = await fetch(`${app.origin}/api/health`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not healthy (exit ${app.child.exitCode}); log:\n${app.log()}`);
}

/** One tRPC call over HTTP as a browser makes it (superjson envelope, our Origin, the cookie). */
export async function trpcCall<T>(app: AppProcess, proc: string, input: unknown, cookie = ""): Promise<{ data: T; setCookie: string | null }> {
  const res = await fetch(`${app.origin}/api/trpc/${proc}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.origin, cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${proc} failed: ${JSON.stringify(body.error)}`);
  return { data: body.result.data.json, setCookie: res.headers.get("set-cookie") };
}

/** Whether any process of the group led by `pid` is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
