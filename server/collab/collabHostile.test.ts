import type net from "node:net";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { canvasWith as canvasWithRoles } from "@/test/collabCanvas";
import { closeCode, connectProvider, eventually, rawSocket, startCollabProcess, synced } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { loadDoc } from "../services/canvas/docStore";
import { decodeAwarenessUpdate, encodeAwareness, encodeAwarenessUpdate, encodeSync, SYNC_STEP1 } from "./protocol";

/**
 * Sockets that stop reading, ask for the document again and again, or flood awareness, against a
 * collaboration server with its shipped limits (but a fast heartbeat): what each may cost the server
 * and the other people in the room is bounded.
 */
let t: TestDb;
let server: Awaited<ReturnType<typeof startCollabProcess>>;
const cleanups: (() => void)[] = [];
const HEARTBEAT_MS = 400;

beforeAll(async () => {
  t = await createTestDb();
  server = await startCollabProcess(t.url, { heartbeatMs: HEARTBEAT_MS });
});
afterAll(async () => {
  for (const c of cleanups) c();
  await server.stop();
  await t.close();
});

type Stats = { sockets: number; bufferedBytes: number; rss: number };
const stats = async () => (await (await fetch(`http://127.0.0.1:${server.port}/stats`)).json()) as Stats;

async function socket(canvasId: string, cookie: string): Promise<WebSocket> {
  const ws = await rawSocket(server.port, canvasId, cookie);
  cleanups.push(() => ws.terminate());
  return ws;
}
const stopReading = (ws: WebSocket) => (ws as unknown as { _socket: net.Socket })._socket.pause();

/** A canvas whose document is about `kb` kB, stored. */
async function largeCanvas(kb: number) {
  const canvas = await canvasWithRoles(t.db, "viewer");
  const { doc, provider } = connectProvider(server.port, canvas.id, canvas.ownerCookie);
  await synced(provider);
  const shapes = canvasDoc(doc).shapes;
  for (let k = 0; k < kb / 10; k++) shapes.set(`big${k}`, shapeRecord(`big${k}`, { type: "text", text: `${k}`.padEnd(10_000, "x") }));
  const last = `big${kb / 10 - 1}`;
  await eventually(async () => canvasDoc((await loadDoc(t.db, canvas.id)).doc).shapes.has(last), 10_000, "the document stored");
  provider.destroy();
  return canvas;
}

const WHOLE_DOCUMENT = encodeSync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));

describe("sockets that stop reading", () => {
  it("are cut off when they ask again before taking the last answer: 10 sockets × 9 requests for a 3 MB document", async () => {
    // The shipped heartbeat (15 s) here: what cuts the sockets off is their second request.
    const shipped = await startCollabProcess(t.url);
    cleanups.push(() => void shipped.stop());
    const stats = async () => (await (await fetch(`http://127.0.0.1:${shipped.port}/stats`)).json()) as Stats;
    // Large enough that the answers outgrow what the kernel's socket buffers take in.
    const canvas = await largeCanvas(3000);
    const base = await stats();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => rawSocket(shipped.port, canvas.id, canvas.ownerCookie)));
    for (const ws of sockets) cleanups.push(() => ws.terminate());
    await eventually(async () => (await stats()).sockets === base.sockets + 10, 5000, "every socket to join");
    const closed = sockets.map((ws) => closeCode(ws));
    let peakBuffered = 0;
    let peakRss = 0;
    for (const ws of sockets) {
      stopReading(ws);
      for (let i = 0; i < 9; i++) ws.send(WHOLE_DOCUMENT);
    }
    await eventually(
      async () => {
        const s = await stats();
        peakBuffered = Math.max(peakBuffered, s.bufferedBytes);
        peakRss = Math.max(peakRss, s.rss);
        return s.sockets === base.sockets;
      },
      10_000,
      "every non-reading socket to be cut off",
    );
    for (const ws of sockets) (ws as unknown as { _socket: net.Socket })._socket.resume();
    expect(new Set(await Promise.all(closed))).toEqual(new Set([1006]));
    // 9 answers × 3 MB × 10 sockets would be 270 MB queued; each socket holds two at most, and
    // the whole-document answer is one buffer they share.
    expect(peakBuffered).toBeLessThan(10 * 2 * 3_100_000);
    expect(peakRss - base.rss).toBeLessThan(60_000_000);
  }, 60_000);

  it("are cut off by the heartbeat when they stop reading and send nothing", async () => {
    const { id, ownerCookie } = await canvasWithRoles(t.db);
    const ws = await socket(id, ownerCookie);
    const closed = closeCode(ws);
    stopReading(ws);
    const started = Date.now();
    await eventually(async () => (await stats()).sockets === 0 || ws.readyState === ws.CLOSED, HEARTBEAT_MS * 10, "the heartbeat to cut the socket");
    (ws as unknown as { _socket: net.Socket })._socket.resume();
    expect(await closed).toBe(1006);
    expect(Date.now() - started).toBeLessThan(HEARTBEAT_MS * 10);
  }, 20_000);

  it("a reading client on the same canvas keeps its socket through many heartbeats", async () => {
    const { id, ownerCookie } = await canvasWithRoles(t.db);
    const { provider } = connectProvider(server.port, id, ownerCookie);
    cleanups.push(() => provider.destroy());
    await synced(provider);
    const ws = (provider as unknown as { ws: WebSocket }).ws;
    let closes = 0;
    ws.addEventListener("close", () => closes++);
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 5));
    expect([closes, provider.wsconnected]).toEqual([0, true]);
  }, 20_000);
});

describe("sync requests", () => {
  it("answer a few per socket, then close it: each can be the whole document", async () => {
    const canvas = await largeCanvas(100);
    const ws = await socket(canvas.id, canvas.ownerCookie);
    let answers = 0;
    ws.on("message", (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) answers++; // sync step 2
    });
    const closed = closeCode(ws);
    for (let i = 0; i < 12; i++) {
      ws.send(WHOLE_DOCUMENT);
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(await closed).toBe(4429);
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThanOrEqual(5);
  }, 30_000);
});

describe("awareness from a viewer", () => {
  async function peerCounting(canvasId: string, cookie: string) {
    const peer = await socket(canvasId, cookie);
    const seen = { bytes: 0, entries: [] as { clientId: number; clock: number; state: unknown }[] };
    peer.on("message", (data: Buffer) => {
      if (data[0] !== 1) return; // awareness
      seen.bytes += data.byteLength;
      // The frame is [1, varint length, update]; the update's length fits two varint bytes here.
      const offset = data[1]! < 0x80 ? 2 : data[2]! < 0x80 ? 3 : 4;
      seen.entries.push(...decodeAwarenessUpdate(new Uint8Array(data.subarray(offset)), 1 << 20));
    });
    return seen;
  }

  it("is relayed at most 64 kB a second, merged down to its newest state", async () => {
    const { id, ownerCookie, members } = await canvasWithRoles(t.db, "viewer");
    const seen = await peerCounting(id, ownerCookie);
    const viewer = await socket(id, members[0]!.cookie);
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const started = Date.now();
    let clock = 0;
    // About 10 kB a state, 100 a second for 2 s: 2 MB offered.
    while (Date.now() - started < 2000) {
      clock++;
      viewer.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 777, clock, state: { cursor: { x: clock, y: 0 }, selection: ids } }])));
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (Date.now() - started) / 1000;
    await eventually(() => seen.entries.some((e) => e.clock === clock), 5000, "the newest state to arrive");
    const fromViewer = seen.entries.filter((e) => e.clientId === 777);
    // One second's budget at once, then 64 kB a second (with a frame's slack).
    expect(seen.bytes).toBeLessThan(64 * 1024 * (seconds + 1) + 20_000);
    expect(fromViewer.length).toBeLessThan(clock / 4);
    expect(fromViewer.at(-1)).toMatchObject({ clock, state: { cursor: { x: clock, y: 0 } } });
  }, 30_000);

  it("relays one entry for a client id a frame repeats", async () => {
    const { id, ownerCookie, members } = await canvasWithRoles(t.db, "viewer");
    const seen = await peerCounting(id, ownerCookie);
    const viewer = await socket(id, members[0]!.cookie);
    const copies = Array.from({ length: 15 }, (_, i) => ({ clientId: 4242, clock: i + 1, state: { cursor: { x: i, y: i } } }));
    viewer.send(encodeAwareness(encodeAwarenessUpdate(copies)));
    await eventually(() => seen.entries.some((e) => e.clientId === 4242), 5000, "the state to be relayed");
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.entries.filter((e) => e.clientId === 4242)).toEqual([expect.objectContaining({ clock: 15, state: expect.objectContaining({ cursor: { x: 14, y: 14 } }) })]);
  }, 20_000);
});
