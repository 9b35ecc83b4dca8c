/**
 * Loaded into every server the bench starts (with --expose-gc): on request, collects garbage and
 * reports the resident set, so that memory per socket compares live memory, not startup garbage.
 */
process.on("message", (m: unknown) => {
  if (m !== "memory") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send?.({ type: "memory", rss: process.memoryUsage().rss });
});
