import { monitorEventLoopDelay } from "node:perf_hooks";
import WebSocket from "ws";
import * as Y from "yjs";
import { benchShape, hocuspocusAuth, stamp, syncStep1Empty, timestamps, update, type Flavour } from "./protocol";
import { DOC_ROOTS } from "@/domain/document/layout";

/**
 * The load generator, in its own process: `rooms × clients` sockets, each sending Yjs map edits at
 * its share of `rate` for `seconds`, and timing every delivery of every other client's edit.
 * Receives its job on stdin-IPC and reports latencies and counts back.
 */
type Job = {
  url: string;
  /** Several servers (bench:scale): by `spread`, room r's clients all go to urls[r % length], or client c of each room to urls[c % length]. */
  urls?: string[];
  spread?: "rooms" | "clients";
  flavour: Flavour;
  rooms: string[];
  clients: number;
  rate: number;
  seconds: number;
  /** Edits sent at the same rate before timing starts, so that every server is timed warm (its code compiled, its caches filled). */
  warmupSeconds?: number;
  headers: Record<string, string>;
  idle?: boolean;
};

const now = () => performance.timeOrigin + performance.now();

process.on("message", async (job: Job) => {
  const sockets: WebSocket[] = [];
  const docs: Y.Doc[] = [];
  /** Per client, the edits it has counted (or sent itself: its own echo is not a delivery). */
  const seenBy: Set<number>[] = [];
  const latencies: number[] = [];
  let deliveries = 0;
  let measuring = false;
  /** Edits stamped before this (sent while warming up) are not timed. */
  let measureFrom = Infinity;
  for (const [r, room] of job.rooms.entries()) {
    for (let c = 0; c < job.clients; c++) {
      const base = job.urls?.[(job.spread === "rooms" ? r : c) % job.urls.length] ?? job.url;
      const url = job.flavour === "hocuspocus" ? base : `${base}/${room}`;
      const ws = new WebSocket(url, { headers: job.headers, perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      if (job.flavour === "hocuspocus") ws.send(hocuspocusAuth(room));
      ws.send(syncStep1Empty(job.flavour, room));
      // A merged update can carry values this client has already seen: count each edit once.
      const seen = new Set<number>();
      seenBy.push(seen);
      ws.on("message", (data: Buffer) => {
        if (!measuring) return;
        const t = now();
        for (const sent of timestamps(data)) {
          if (seen.has(sent)) continue;
          seen.add(sent);
          if (sent < measureFrom) continue;
          latencies.push(t - sent);
          deliveries++;
        }
      });
      const doc = new Y.Doc();
      doc.on("update", (u: Uint8Array) => ws.send(update(job.flavour, room, u)));
      sockets.push(ws);
      docs.push(doc);
    }
  }
  process.send!({ type: "connected", sockets: sockets.length });
  if (job.idle) {
    await new Promise((r) => process.once("message", r)); // told to stop once memory is read
  } else {
    await new Promise((r) => setTimeout(r, 1000)); // let the sync handshakes settle
    const interval = 1000 / job.rate; // one edit every `interval` ms, round-robin over clients
    const warmupMs = (job.warmupSeconds ?? 0) * 1000;
    const endMs = warmupMs + job.seconds * 1000;
    const start = now();
    let sent = 0;
    let sentBefore = 0;
    let cpu0 = process.cpuUsage();
    // The generator's own stalls delay every delivery it times: the harness's floor, reported.
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    const startMeasuring = () => {
      measuring = true;
      measureFrom = now();
      sentBefore = sent;
      cpu0 = process.cpuUsage();
      loopDelay.enable();
      process.send!({ type: "measuring" });
    };
    // Timers, not a spin on setImmediate: a spinning generator takes a whole core from the server
    // it measures on a two-core machine. Each edit is stamped when it is really sent.
    await new Promise<void>((done) => {
      const tick = () => {
        const elapsed = now() - start;
        if (!measuring && elapsed >= warmupMs) startMeasuring();
        const due = Math.floor(Math.min(elapsed, endMs) / interval);
        while (sent < due) {
          const i = sent % docs.length;
          const value = stamp(now());
          seenBy[i]!.add(timestamps(Buffer.from(value))[0]!);
          docs[i]!.getMap(DOC_ROOTS.shapes).set(`c${i}`, benchShape(`c${i}`, value)); // a key per client: no conflicts for GC to erase
          sent++;
        }
        if (elapsed >= endMs) return done();
        setTimeout(tick, Math.max(0, (sent + 1) * interval - (now() - start)));
      };
      tick();
    });
    await new Promise((r) => setTimeout(r, 1500)); // drain
    measuring = false;
    const cpu = process.cpuUsage(cpu0);
    loopDelay.disable();
    const cpuShare = (cpu.user + cpu.system) / 1e6 / (job.seconds + 1.5);
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    process.send!({ type: "result", sent: sent - sentBefore, deliveries, seconds: job.seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies.at(-1) ?? NaN, cpuShare, stallP99: loopDelay.percentile(99) / 1e6, stallMax: loopDelay.max / 1e6 });
  }
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
