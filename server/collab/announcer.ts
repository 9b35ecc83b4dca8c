import type pg from "pg";
import { DOC_CHANNEL, PROCESS_TAG } from "../services/canvas/docStore";
import { docRangeText, MAX_NOTIFY_PAYLOAD } from "./notifications";
import { NotifyPacer } from "./notifyPacer";

/**
 * At most one announcing statement this often. Each costs Postgres a transaction (about a third of
 * its CPU under 1,000 edits a second across 100 rooms went to announcing); other processes' rooms
 * get the edits this much later, which only they see, and the writer's own rooms not at all.
 */
const ANNOUNCE_EVERY_MS = 5;

/**
 * Rows up to this many bytes (all of a range's together) travel in the announcement: another
 * process applies them as they come instead of reading them back, which was most of what a second
 * process added per edit. Larger ones (a paste, an image's placement) are read from the table.
 */
const INLINE_MAX_BYTES = 1500;

export type StoredRange = { ids: number[]; updates: Uint8Array[] };

/**
 * Tells the other processes which rows each canvas got, after they are stored. One statement at a
 * time: ranges stored meanwhile wait for the next, so under load announcing costs a statement per
 * round trip, not one per write; and the ranges share payloads, since every notification costs
 * Postgres a queue entry and a delivery to each listener (a busy server's own listener included).
 * A lost announcement (Postgres restarting) is caught up by the listeners when they reconnect, so
 * its commit need not wait for the disk.
 */
export class Announcer {
  /** `<canvas id> <first id> <last id> [=<rows>]` each (see parseDocAnnouncement). */
  private waiting: string[] = [];
  private readonly pacer: NotifyPacer;

  /** `shared`: whether another process may have any of our rooms open (see Peers); asked after each write. */
  constructor(
    pool: pg.Pool,
    private readonly shared: () => boolean,
  ) {
    this.pacer = new NotifyPacer(pool, DOC_CHANNEL, "collab_announce_updates", ANNOUNCE_EVERY_MS, () => packed(this.waiting.splice(0)), "announcing stored edits");
  }

  /** Each canvas's new rows: their ids, oldest first, and their updates. */
  announce(byCanvas: Map<string, StoredRange>): void {
    if (!this.shared()) return;
    for (const [canvasId, { ids, updates }] of byCanvas) {
      if (!ids.length) continue;
      const small = updates.length === ids.length && updates.reduce((n, u) => n + u.byteLength, 0) <= INLINE_MAX_BYTES;
      this.waiting.push(docRangeText(canvasId, ids[0]!, ids.at(-1)!, small ? updates : undefined));
    }
    this.pacer.kick();
  }
}

/** Ranges joined into as few payloads as fit under Postgres's limit, each led by this process's tag. */
function packed(ranges: string[]): string[] {
  const payloads: string[] = [];
  let current = PROCESS_TAG;
  for (const r of ranges) {
    if (current !== PROCESS_TAG && current.length + 1 + r.length > MAX_NOTIFY_PAYLOAD) {
      payloads.push(current);
      current = PROCESS_TAG;
    }
    current += ` ${r}`;
  }
  if (current !== PROCESS_TAG) payloads.push(current);
  return payloads;
}

