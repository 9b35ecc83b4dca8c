import type pg from "pg";
import { PROCESS_TAG } from "../services/canvas/docStore";
import type { Peers } from "./peers";
import { NotifyPacer } from "./notifyPacer";
import { MAX_NOTIFY_PAYLOAD } from "./notifications";
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from "./protocol";

export const AWARENESS_CHANNEL = "canvas_awareness";
/** At most one statement this often, as for stored edits (see Announcer). */
const SEND_EVERY_MS = 5;

/**
 * Cursors and selections (awareness) are not stored: each web process relays what its sockets send
 * to its own sockets, and through this to the other web processes over NOTIFY, so that two people on
 * one canvas see each other wherever their sockets landed. Only while another process is there (see
 * Peers). Each room's entries are merged by client id while a statement is in flight.
 */
export class AwarenessPeers {
  private waiting = new Map<string, Map<number, AwarenessEntry>>();
  private readonly pacer: NotifyPacer;

  constructor(
    pool: pg.Pool,
    private readonly peers: Peers,
  ) {
    this.pacer = new NotifyPacer(pool, AWARENESS_CHANNEL, "collab_share_awareness", SEND_EVERY_MS, () => this.takeWaiting(), "sharing awareness");
  }

  publish(canvasId: string, entries: AwarenessEntry[]): void {
    if (!entries.length || !this.peers.shared) return;
    let room = this.waiting.get(canvasId);
    if (!room) this.waiting.set(canvasId, (room = new Map()));
    for (const e of entries) room.set(e.clientId, e);
    this.pacer.kick();
  }

  private takeWaiting(): string[] {
    const payloads = [...this.waiting].flatMap(([canvasId, entries]) => awarenessPayloads(canvasId, [...entries.values()]));
    this.waiting = new Map();
    return payloads;
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
