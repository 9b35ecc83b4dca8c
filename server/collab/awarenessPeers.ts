import type pg from "pg";
import { PROCESS_TAG } from "../services/canvas/docStore";
import { NotifyPacer } from "./notifyPacer";
import { MAX_NOTIFY_PAYLOAD } from "./notifications";
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from "./protocol";

export const AWARENESS_CHANNEL = "canvas_awareness";
export const PEERS_CHANNEL = "collab_peers";

/** How often a process says it is there, and after how long without a word a peer is gone. */
const HELLO_EVERY_MS = 10_000;
const PEER_GONE_MS = 3 * HELLO_EVERY_MS;
/** At most one statement this often, as for stored edits (see Announcer). */
const SEND_EVERY_MS = 5;

/**
 * Cursors and selections (awareness) are not stored: each web process relays what its sockets send
 * to its own sockets, and through this to the other web processes over NOTIFY, so that two people on
 * one canvas see each other wherever their sockets landed. Only while another process is there:
 * processes say hello every few seconds, and a lone process (`npm start`) sends Postgres nothing
 * else. Each room's entries are merged by client id while a statement is in flight.
 */
export class AwarenessPeers {
  private readonly peers = new Map<string, number>();
  private waiting = new Map<string, Map<number, AwarenessEntry>>();
  private timer: NodeJS.Timeout | null = null;
  private readonly pacer: NotifyPacer;

  constructor(private readonly pool: pg.Pool) {
    this.pacer = new NotifyPacer(pool, AWARENESS_CHANNEL, "collab_share_awareness", SEND_EVERY_MS, () => this.takeWaiting(), "sharing awareness");
  }

  /** Once this process listens: a hello sent earlier could be answered before it hears the answer. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.hello(), HELLO_EVERY_MS);
    this.timer.unref();
    this.hello();
  }

  /** A hello from a process: a new one is answered at once, so that both know of each other. */
  heard(tag: string): void {
    if (tag === PROCESS_TAG || !/^[0-9a-f]{8}$/.test(tag)) return;
    const known = this.peers.has(tag);
    this.peers.set(tag, Date.now());
    if (!known) this.hello();
  }

  get shared(): boolean {
    const now = Date.now();
    for (const [tag, at] of this.peers) if (now - at > PEER_GONE_MS) this.peers.delete(tag);
    return this.peers.size > 0;
  }

  publish(canvasId: string, entries: AwarenessEntry[]): void {
    if (!entries.length || !this.shared) return;
    let room = this.waiting.get(canvasId);
    if (!room) this.waiting.set(canvasId, (room = new Map()));
    for (const e of entries) room.set(e.clientId, e);
    this.pacer.kick();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private takeWaiting(): string[] {
    const payloads = [...this.waiting].flatMap(([canvasId, entries]) => awarenessPayloads(canvasId, [...entries.values()]));
    this.waiting = new Map();
    return payloads;
  }

  private hello(): void {
    this.pool.query("select pg_notify($1, $2)", [PEERS_CHANNEL, PROCESS_TAG]).catch(() => {});
  }
}

/** `<process tag> <canvas id> <base64 awareness update>`, split by entry when too long; an entry too large alone stays local. */
export function awarenessPayloads(canvasId: string, entries: AwarenessEntry[]): string[] {
  const encode = (list: AwarenessEntry[]) => `${PROCESS_TAG} ${canvasId} ${Buffer.from(encodeAwarenessUpdate(list)).toString("base64")}`;
  const whole = encode(entries);
  if (whole.length <= MAX_NOTIFY_PAYLOAD) return [whole];
  return entries.map((e) => encode([e])).filter((p) => p.length <= MAX_NOTIFY_PAYLOAD);
}


/** Another process's relayed entries: only what a relayed entry can be (a state object or null). */
export function remoteAwarenessEntries(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  return decodeAwarenessUpdate(update, maxStateBytes).flatMap((e) =>
    e.state === null || (typeof e.state === "object" && !Array.isArray(e.state)) ? [{ clientId: e.clientId, clock: e.clock, state: e.state as Record<string, unknown> | null }] : [],
  );
}
