import type { Db } from "@/db/client";
import { log } from "@/server/log";
import { COVER_DELAY_MS, scheduleCovers } from "../services/canvas/canvasCover";

/**
 * Rooms ask for their canvas's dashboard cover as their design changes. A canvas is asked for at
 * most once per render's delay, and the asks of every room are queued together once a second in
 * one statement, on the app's pool: never on the document pool, whose connections edits wait for
 * (a hundred rooms starting at once would otherwise queue a hundred statements ahead of their edits).
 */
export class CoverRequests {
  private readonly pending = new Set<string>();
  private readonly askedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 1000,
  ) {}

  ask(canvasId: string): void {
    const now = performance.now();
    if (now - (this.askedAt.get(canvasId) ?? -Infinity) < COVER_DELAY_MS) return;
    this.askedAt.set(canvasId, now);
    this.pending.add(canvasId);
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  async flush(): Promise<void> {
    this.timer = null;
    const ids = [...this.pending];
    this.pending.clear();
    // Forget asks older than the delay: a canvas asked for again after it is a new ask anyway.
    const before = performance.now() - COVER_DELAY_MS;
    for (const [id, at] of this.askedAt) if (at < before) this.askedAt.delete(id);
    try {
      await scheduleCovers(this.db, ids);
    } catch (e) {
      log.warn({ err: e, canvases: ids.length }, "collab: could not queue canvas covers");
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
