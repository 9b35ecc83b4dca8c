import type pg from "pg";
import { log } from "@/server/log";

/** set_config's `true`: asynchronous commit for this transaction only (nothing waits for the disk for a notification). */
const NOTIFY_SQL = `
  select pg_notify($1, payload) from (select set_config('synchronous_commit', 'off', true)) cfg, unnest($2::text[]) payload`;

/**
 * Sends a channel's payloads one statement at a time, at most one every `everyMs`: what waits
 * meanwhile (`take` gathers it) goes in the next, so under load notifying costs a statement per
 * round trip, not one per event. Each costs Postgres a transaction.
 */
export class NotifyPacer {
  private sending = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
    /** A named statement: parsed once per connection. */
    private readonly statement: string,
    private readonly everyMs: number,
    private readonly take: () => string[],
    private readonly what: string,
  ) {}

  kick(): void {
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.sending) return;
    const payloads = this.take();
    if (!payloads.length) return;
    this.sending = true;
    const started = performance.now();
    try {
      await this.pool.query({ name: this.statement, text: NOTIFY_SQL, values: [this.channel, payloads] });
    } catch (e) {
      log.error({ err: e }, `collab: ${this.what} failed`);
    } finally {
      const next = () => {
        this.sending = false;
        void this.send();
      };
      const wait = this.everyMs - (performance.now() - started);
      if (wait > 0) setTimeout(next, wait);
      else next();
    }
  }
}
