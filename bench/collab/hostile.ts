import fs from "node:fs";
import type net from "node:net";
import os from "node:os";
import path from "node:path";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { createDb } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { applyMigrations } from "@/db/migrate";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { encodeAwareness, encodeAwarenessUpdate, encodeSync, SYNC_STEP1 } from "@/server/collab/protocol";
import { compact } from "@/server/services/canvas/docStore";
import { canvasWith } from "@/test/collabCanvas";
import { rawSocket, startCollabProcess } from "@/test/collabClients";
import { shapeRecord } from "@/test/designShapes";
import { freePort } from "@/test/freePort";
import { table } from "../lib/load";

/**
 * The collaboration server under the hostile clients of the hardening issue, with its shipped
 * limits, in one run: the process's RSS and how long its HTTP answers take (the same event loop
 * as the sockets) while idle, then while
 *   1. 24 sockets of one account stop reading and each ask 9 times for a whole 8 MB canvas;
 *   2. a viewer sends valid awareness states as large as allowed, 140 a second, for 5 s, and a
 *      peer counts what it is sent.
 *   npm run bench:hostile   (BENCH_DATA_DIR=/dev/shm puts Postgres in memory)
 */
const DOC_MB = 8;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), "merchboard-hostile-"));
  const postgres = await startEmbeddedPostgres(`${dataDir}/postgres`, await freePort(), () => {});
  await applyMigrations(postgres.url);
  const { db, pool } = createDb(postgres.url);
  const server = await startCollabProcess(postgres.url);
  const probe = async () => {
    const t0 = performance.now();
    const s = (await (await fetch(`http://127.0.0.1:${server.port}/stats`)).json()) as { rss: number; sockets: number };
    return { ms: performance.now() - t0, rss: s.rss, sockets: s.sockets };
  };
  /** Probes every 50 ms while `during` runs (and `tail` ms after), returning latencies and RSS. */
  const watch = async (during: () => Promise<void>, tail = 1000) => {
    const samples: { ms: number; rss: number; sockets: number }[] = [];
    let done = false;
    const loop = (async () => {
      while (!done) {
        samples.push(await probe().catch(() => ({ ms: Infinity, rss: 0, sockets: 0 })));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await during();
    await new Promise((r) => setTimeout(r, tail));
    done = true;
    await loop;
    return samples;
  };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
  const rows: (string | number)[][] = [];
  try {
    const canvas = await canvasWith(db, "viewer");
    const doc = new Y.Doc();
    const shapes = canvasDoc(doc).shapes;
    for (let k = 0; k < DOC_MB * 100; k++) shapes.set(`big${k}`, shapeRecord(`big${k}`, { type: "text", text: `${k}`.padEnd(10_000, "x") }));
    const state = Y.encodeStateAsUpdate(doc);
    await compact(db, canvas.id, state, [], null);

    // Another member reading the canvas: the room and its document loaded, as for any visit. What the
    // attacks cost is measured from here.
    const reader = await rawSocket(server.port, canvas.id, canvas.members[0]!.cookie);
    reader.send(encodeSync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())));
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await watch(() => new Promise((r) => setTimeout(r, 5000)), 0);
    const idleMs = idle.map((s) => s.ms);
    const rssBefore = Math.max(...idle.map((s) => s.rss));

    // 1. Sockets that stop reading, each asking for the whole document nine times.
    const sockets: WebSocket[] = [];
    const stalled = await watch(async () => {
      for (let i = 0; i < 24; i++) sockets.push(await rawSocket(server.port, canvas.id, canvas.ownerCookie));
      const request = encodeSync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
      for (const ws of sockets) {
        (ws as unknown as { _socket: net.Socket })._socket.pause();
        for (let i = 0; i < 9; i++) ws.send(request);
      }
      await new Promise((r) => setTimeout(r, 5000));
    });
    // Counted by the server: a paused client does not notice its socket was cut.
    const open = stalled.at(-1)!.sockets - 1;
    for (const ws of sockets) ws.terminate();
    await new Promise((r) => setTimeout(r, 2000));
    const stalledMs = stalled.map((s) => s.ms);
    const growth = (Math.max(...stalled.map((s) => s.rss)) - rssBefore) / 1e6; // over the reader's own load
    rows.push([`24 non-reading sockets × 9 sync requests, ${(state.byteLength / 1e6).toFixed(1)} MB canvas`, `RSS +${growth.toFixed(1)} MB; ${24 - open} of 24 cut off`, `${pct(stalledMs, 0.5).toFixed(0)} / ${pct(stalledMs, 0.99).toFixed(0)} / ${Math.max(...stalledMs).toFixed(0)} ms`, `RSS < +100 MB, health < 1 s`, growth < 100 && Math.max(...stalledMs) < 1000 ? "met" : "NOT met", "< +30 MB", growth < 30 ? "met" : "NOT met"]);

    // 2. A viewer's awareness flood, counted at a peer.
    const peer = await rawSocket(server.port, canvas.id, canvas.ownerCookie);
    let received = 0;
    peer.on("message", (data: Buffer) => {
      if (data[0] === 1) received += data.byteLength;
    });
    const viewer = await rawSocket(server.port, canvas.id, canvas.members[0]!.cookie);
    const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    let sent = 0;
    const start = performance.now();
    const flooded = await watch(async () => {
      for (let clock = 1; performance.now() - start < 5000; clock++) {
        const frame = encodeAwareness(encodeAwarenessUpdate([{ clientId: 99, clock, state: { cursor: { x: clock, y: 0 }, selection: ids } }]));
        viewer.send(frame);
        sent += frame.byteLength;
        await new Promise((r) => setTimeout(r, 1000 / 140));
      }
    }, 500);
    const seconds = (performance.now() - start) / 1000;
    const floodMs = flooded.map((s) => s.ms);
    const perSecond = received / seconds / 1024;
    const ratio = pct(floodMs, 0.99) / pct(idleMs, 0.99);
    rows.push([`viewer awareness flood: ${(sent / seconds / 1024).toFixed(0)} kB/s offered`, `peer got ${perSecond.toFixed(1)} kB/s`, `${pct(floodMs, 0.5).toFixed(0)} / ${pct(floodMs, 0.99).toFixed(0)} / ${Math.max(...floodMs).toFixed(0)} ms (p99 ${ratio.toFixed(2)} × idle)`, "≤ 64 kB/s; health p99 ≤ 2 × idle", perSecond <= 64 && ratio <= 2 ? "met" : "NOT met", "no change", ratio <= 1.1 ? "met" : "NOT met"]);
    peer.terminate();
    viewer.terminate();
    reader.terminate();

    console.log(`\ncollaboration server, shipped limits; health = an HTTP answer from the same process; one member reading the canvas: health p50 / p99 / max ${pct(idleMs, 0.5).toFixed(1)} / ${pct(idleMs, 0.99).toFixed(1)} / ${Math.max(...idleMs).toFixed(1)} ms, RSS ${(rssBefore / 1e6).toFixed(0)} MB\n`);
    console.log(table(["attack", "cost", "health p50 / p99 / max", "must", "", "goal", ""], rows));
  } finally {
    await server.stop();
    await pool.end();
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
