/**
 * A token bucket per socket: `perSecond` messages on average, `burst` at once. Counting messages
 * (each at most maxMessageBytes) bounds both the work and the bytes one socket can cause.
 */
export class MessageRate {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** False when this message is over the limit. */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
