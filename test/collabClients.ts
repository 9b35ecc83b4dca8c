import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Db } from "@/db/client";
import { startSession } from "@/server/auth/sessions";
import { freePort } from "./freePort";

export const COLLAB_ORIGIN = "http://localhost:3000";

export async function sessionCookie(db: Db, userId: string): Promise<string> {
  return (await startSession(db, userId)).split(";")[0]!;
}

/** Runs the collaboration server in a child process on a free port. */
export async function startCollabProcess(databaseUrl: string, limits?: object): Promise<{ port: number; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = fork(path.join(import.meta.dirname, "collabProcess.ts"), {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), APP_URL: COLLAB_ORIGIN, COLLAB_LIMITS: limits ? JSON.stringify(limits) : "" },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`collab process exited ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  return { port, child, stop };
}

/** The y-websocket browser provider, in Node, sending the session cookie and our Origin. */
export function connectProvider(port: number, canvasId: string, cookie: string, doc = new Y.Doc(), origin = COLLAB_ORIGIN) {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  }
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, canvasId, doc, {
    WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return { doc, provider };
}

export function synced(provider: WebsocketProvider, ms = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("provider did not sync")), ms);
    provider.once("sync", (s: boolean) => s && (clearTimeout(t), resolve()));
  });
}

export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A raw upgrade attempt: the HTTP status it was refused with, or 101 when a socket opened. */
export function upgradeStatus(port: number, canvasId: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${canvasId}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve(101);
      ws.close();
    });
    ws.on("error", () => {});
  });
}

/** A bare socket on a canvas, speaking whatever frames a test sends: for clients that misbehave. */
export async function rawSocket(port: number, canvasId: string, cookie: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/${canvasId}`, { headers: { cookie, origin: COLLAB_ORIGIN } });
  ws.on("error", () => {});
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return ws;
}

/** The code a socket closes with. */
export function closeCode(ws: WebSocket): Promise<number> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => ws.once("close", (code) => resolve(code)));
}
