import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/test/freePort";
import { ensureProductionBuild } from "@/test/productionBuild";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "merchboard-start-"));
const children: ChildProcess[] = [];
// The production entry, as `npm start` builds and runs it.
beforeAll(() => ensureProductionBuild(), 600_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(port: number, pgPort: number) {
  const child = spawn(process.execPath, [".build/scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, APP_URL: `http://localhost:${port}`, DATABASE_URL: "", S3_ENDPOINT: "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  children.push(child);
  return { child, log: () => log };
}

async function waitHealthy(port: number, ms: number, { child, log }: { child: ChildProcess; log: () => string }) {
  const until = Date.now() + ms;
  while (Date.now() < until && child.exitCode === null) {
    const res = await fetch(`http://localhost:${port}/api/health`).catch(() => null);
    if (res?.status === 200) return (await res.json()) as Record<string, boolean>;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not healthy (exit ${child.exitCode}); log:\n${log()}`);
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.kill("SIGTERM");
  return exited;
}

describe("npm start", () => {
  it("serves a healthy app on embedded Postgres and S3, stops cleanly on SIGTERM, and reuses its data", async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = start(port, pgPort);
    expect(await waitHealthy(port, 150_000, first)).toEqual({ ok: true, db: true, storage: true, worker: true });
    const signUp = await fetch(`http://localhost:${port}/api/trpc/auth.signUp`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
      body: JSON.stringify({ json: { email: "persist@example.com", password: "password123", name: "Persist" } }),
    });
    expect(signUp.status).toBe(200);
    const made = (await signUp.json()) as { result: { data: { json: { id: string } } } };
    expect(await stop(first.child)).toBe(0);
    // In order: the worker finishes before Postgres stops under it.
    expect(first.log()).toMatch(/"role":"worker"[^\n]*"msg":"worker SIGTERM: finishing the current step"[\s\S]*"role":"web"[^\n]*"msg":"stopped"/);
    expect(first.log()).not.toMatch(/UNLISTEN|terminating connection/);
    expect(await portOpen(pgPort)).toBe(false); // no orphaned postgres
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = start(port, pgPort);
    await waitHealthy(port, 60_000, second);
    const again = await fetch(`http://localhost:${port}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${port}` },
      body: JSON.stringify({ json: { email: "persist@example.com", password: "password123" } }),
    });
    // The account from the first run is still there: its password opens it.
    expect(again.status).toBe(200);
    expect(((await again.json()) as typeof made).result.data.json.id).toBe(made.result.data.json.id);
    expect(await stop(second.child)).toBe(0);
  }, 240_000);
});
