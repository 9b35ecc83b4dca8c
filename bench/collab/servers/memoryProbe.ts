import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Loaded into every server the bench starts (with --expose-gc): on request, collects garbage and
 * reports the resident set, so that memory per socket compares live memory, not startup garbage;
 * and reports how long the server's event loop stalled since the last such report (its p99 and
 * max), so that a server's own pauses can be told from the load generator's.
 */
let loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();

process.on("message", (m: unknown) => {
  if (m === "stalls") {
    process.send?.({ type: "stalls", p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
    loop.disable();
    loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    return;
  }
  if (m !== "memory") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ type: "memory", rss: process.memoryUsage().rss });
});
