import * as Y from "yjs";

/**
 * Sends a room's document changes on at most once per interval while it is busy: a change after a
 * quiet spell goes out at once, changes within the interval wait and go out merged, one frame per
 * socket. A frame costs a system call for each socket, which is most of a busy room's work (200
 * sockets × 200 changes a second are 40,000 writes); merging bounds it at 1000 / interval frames
 * a second per socket whatever the edit rate, for at most the interval of delay. The interval is
 * asked for at each change: a room sets it from its number of sockets (see Room).
 */
/** How long a room of `sockets` merges its changes so that its fan-out stays under `writesPerSecond`. */
export function mergeIntervalMs(sockets: number, writesPerSecond: number): number {
  return (sockets * 1000) / writesPerSecond;
}

export class Fanout {
  private pending: Uint8Array[] = [];
  private lastSent = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sendToAll: (update: Uint8Array) => void,
    private readonly intervalMs: () => number,
  ) {}

  push(update: Uint8Array): void {
    this.pending.push(update);
    if (this.timer) return;
    const wait = this.lastSent + this.intervalMs() - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    if (!this.pending.length) return;
    const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.lastSent = performance.now();
    this.sendToAll(merged);
  }

  /** The room closed: nothing more goes out (its clients resync when they reconnect). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
