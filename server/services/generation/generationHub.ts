import type pg from "pg";
import type { Db } from "@/db/client";
import { listen, type Listening } from "@/db/listen";
import { SESSION_CHANNEL } from "../../auth/sessionEvents";
import { ACCESS_CHANNEL } from "../canvas/accessEvents";
import { GENERATION_CHANNEL, parseGenerationEvent } from "./generationEvents";
import type { GenerationView } from "@/domain/generationView";
import { canvasGenerations } from "./generationView";
import { log } from "@/server/log";

/** Changes arriving faster than this are folded into one list per canvas. */
const FLUSH_MS = 100;

type Watcher = {
  canvasId: string;
  userId: string;
  /** The session the stream was opened with: it ends when that session signs out. */
  sessionId?: string;
  onList: (list: GenerationView[]) => void;
  onAccessChanged: () => void;
  onSessionEnded: () => void;
};

/**
 * One LISTEN connection per web process (per database) for the generation queue. Notifications
 * mark canvases dirty (the event's own, and on a queue change every watched canvas with something
 * waiting, since its places in line move); every FLUSH_MS each dirty canvas is listed once and
 * the list goes to all of its watchers, however many there are.
 */
class GenerationHub {
  private readonly watchers = new Set<Watcher>();
  private readonly dirty = new Set<string>();
  /** Canvases whose last list had something waiting: a change anywhere moves their places in line. */
  private readonly waiting = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Opened with the first watcher and kept for the life of the process. */
  private connection: Listening | null = null;

  constructor(
    private readonly db: Db,
    private readonly url: string,
  ) {}

  /** Starts delivering to the watcher; resolves once notifications are heard, so nothing after it is missed. */
  async watch(watcher: Watcher): Promise<() => void> {
    this.connection ??= listen(
      this.url,
      {
        [GENERATION_CHANNEL]: (payload) => this.onGeneration(payload),
        [ACCESS_CHANNEL]: (payload) => this.onAccess(payload),
        [SESSION_CHANNEL]: (sessionId) => {
          for (const w of this.watchers) if (w.sessionId && w.sessionId === sessionId) w.onSessionEnded();
        },
      },
      // Whatever changed while the connection was down: everyone gets a fresh list.
      { onReconnect: () => this.markAllDirty() },
    );
    this.watchers.add(watcher);
    await this.connection.ready;
    // One listing through the hub, so it learns whether this canvas has anything waiting.
    this.markDirty(watcher.canvasId);
    return () => this.watchers.delete(watcher);
  }

  private onGeneration(payload: string): void {
    const event = parseGenerationEvent(payload);
    if (!event) return;
    this.markDirty(event.canvasId);
    if (event.kind === "status") for (const canvasId of this.waiting) this.markDirty(canvasId);
  }

  private markAllDirty(): void {
    for (const w of this.watchers) this.markDirty(w.canvasId);
  }

  private markDirty(canvasId: string): void {
    this.dirty.add(canvasId);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private onAccess(payload: string): void {
    let change: { canvasId?: string; userId?: string | null };
    try {
      change = JSON.parse(payload) as typeof change;
    } catch {
      return;
    }
    for (const w of this.watchers) {
      if (w.canvasId === change.canvasId && (change.userId == null || change.userId === w.userId)) w.onAccessChanged();
    }
  }

  private async flush(): Promise<void> {
    const canvases = [...this.dirty];
    this.dirty.clear();
    await Promise.all(
      canvases.map(async (canvasId) => {
        const watchers = [...this.watchers].filter((w) => w.canvasId === canvasId);
        if (!watchers.length) {
          this.waiting.delete(canvasId);
          return;
        }
        try {
          const list = await canvasGenerations(this.db, canvasId);
          if (list.some((g) => g.status === "queued")) this.waiting.add(canvasId);
          else this.waiting.delete(canvasId);
          for (const w of watchers) w.onList(list);
        } catch (e) {
          log.error({ err: e, canvasId }, "generation: could not list the queue");
        }
      }),
    );
    this.timer = null;
    if (this.dirty.size) this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
  }
}

const hubs = new WeakMap<Db, GenerationHub>();

export function generationHub(db: Db): GenerationHub {
  let hub = hubs.get(db);
  if (!hub) {
    const url = (db as unknown as { $client: pg.Pool }).$client.options.connectionString;
    if (!url) throw new Error("The database pool has no connection string to LISTEN with");
    hub = new GenerationHub(db, url);
    hubs.set(db, hub);
  }
  return hub;
}
