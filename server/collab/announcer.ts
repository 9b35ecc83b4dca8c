import type pg from "pg";
import { DOC_CHANNEL, PROCESS_TAG } from "./docStore";

/**
 * Tells the other processes which rows each canvas got, after they are stored. One statement at a
 * time: ranges stored meanwhile wait for the next, so under load announcing costs a statement per
 * round trip, not one per write. A lost announcement (Postgres restarting) is caught up by the
 * listeners when they reconnect, so its commit need not wait for the disk.
 */
export class Announcer {
  private waiting: string[] = [];
  private sending = false;

  constructor(private readonly pool: pg.Pool) {}

  /** Each canvas's new rows, oldest and newest id. */
  announce(byCanvas: Map<string, number[]>): void {
    for (const [canvasId, ids] of byCanvas) if (ids.length) this.waiting.push(`${PROCESS_TAG} ${canvasId} ${ids[0]} ${ids.at(-1)}`);
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.sending || !this.waiting.length) return;
    const ranges = this.waiting;
    this.waiting = [];
    this.sending = true;
    try {
      await this.pool.query({ name: "collab_announce_updates", text: ANNOUNCE_SQL, values: [DOC_CHANNEL, ranges] });
    } catch (e) {
      console.error("[collab] announcing stored edits failed:", e instanceof Error ? e.message : e);
    } finally {
      this.sending = false;
      void this.send();
    }
  }
}

/** set_config's `true`: asynchronous commit for this transaction only. */
const ANNOUNCE_SQL = `
  select pg_notify($1, range) from (select set_config('synchronous_commit', 'off', true)) cfg, unnest($2::text[]) range`;
