import WebSocket from "ws";
import * as Y from "yjs";
import { hocuspocusAuth, stamp, syncStep1Empty, timestamps, update, type Flavour } from "./protocol";

/**
 * The load generator, in its own process: `rooms × clients` sockets, each sending Yjs map edits at
 * its share of `rate` for `seconds`, and timing every delivery of every other client's edit.
 * Receives its job on stdin-IPC and reports latencies and counts back.
 */
type Job = { url: string; flavour: Flavour; rooms: string[]; clients: number; rate: number; seconds: number; headers: Record<string, string>; idle?: boolean };

const now = () => performance.timeOrigin + performance.now();

process.on("message", async (job: Job) => {
  const sockets: WebSocket[] = [];
  const docs: Y.Doc[] = [];
  const latencies: number[] = [];
  let deliveries = 0;
  let measuring = false;
  for (const room of job.rooms) {
    for (let c = 0; c < job.clients; c++) {
      const url = job.flavour === "hocuspocus" ? job.url : `${job.url}/${room}`;
      const ws = new WebSocket(url, { headers: job.headers, perMessageDeflate: false });
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      if (job.flavour === "hocuspocus") ws.send(hocuspocusAuth(room));
      ws.send(syncStep1Empty(job.flavour, room));
      // A merged update can carry values this client has already seen: count each edit once.
      const seen = new Set<number>();
      ws.on("message", (data: Buffer) => {
        if (!measuring) return;
        const t = now();
        for (const sent of timestamps(data)) {
          if (seen.has(sent)) continue;
          seen.add(sent);
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
    measuring = true;
    const interval = 1000 / job.rate; // one edit every `interval` ms, round-robin over clients
    const start = now();
    let sent = 0;
    while (now() - start < job.seconds * 1000) {
      const due = Math.floor((now() - start) / interval);
      while (sent < due) {
        const i = sent % docs.length;
        docs[i]!.getMap("m").set(`c${i}`, stamp(now())); // a key per client: no conflicts for GC to erase
        sent++;
      }
      await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, 1500)); // drain
    measuring = false;
    latencies.sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    process.send!({ type: "result", sent, deliveries, seconds: job.seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies.at(-1) ?? NaN });
  }
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
