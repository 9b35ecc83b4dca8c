import type { AwarenessEntry } from "./protocol";

/**
 * One socket's awareness on its way to the room, metered in bytes: at most `bytesPerSecond` over
 * any stretch of time from its first message (the budget starts empty and fills to an eighth of a
 * second's worth; a larger state goes once it is full, leaving a debt). What arrives faster waits,
 * and waiting entries for the same client id are merged into the newest, so a flood is relayed as
 * its latest state a few times a second instead of all of it. A cursor's 100 bytes wait 2 ms the
 * first time, then never. `size` is what an update of the entries would weigh on the wire.
 */
export class AwarenessRelay {
  private readonly pending = new Map<number, AwarenessEntry>();
  private tokens = 0;
  private readonly capacity: number;
  private last = performance.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly size: (entries: AwarenessEntry[]) => number,
    private readonly relay: (entries: AwarenessEntry[]) => void,
  ) {
    this.capacity = bytesPerSecond / 8;
  }

  push(entries: AwarenessEntry[]): void {
    for (const e of entries) {
      this.pending.delete(e.clientId); // re-inserted last: the map keeps arrival order
      this.pending.set(e.clientId, e);
    }
    if (!this.timer) this.flush();
  }

  private flush(): void {
    this.timer = null;
    if (!this.pending.size) return;
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.bytesPerSecond) / 1000);
    this.last = now;
    const entries = [...this.pending.values()];
    const bytes = this.size(entries);
    // A full budget always sends, so a state larger than it is not stuck forever.
    if (this.tokens < bytes && this.tokens < this.capacity) {
      this.timer = setTimeout(() => this.flush(), Math.ceil(((Math.min(bytes, this.capacity) - this.tokens) * 1000) / this.bytesPerSecond));
      return;
    }
    this.pending.clear();
    this.tokens -= bytes;
    this.relay(entries);
  }

  /** The socket left: nothing more is relayed. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
