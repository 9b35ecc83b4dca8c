import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * The web process's metrics, served at /metrics in Prometheus's text format: the process's own
 * (CPU, memory, event-loop lag), the app's counters and histograms, and what is read from
 * Postgres at each scrape (queues, orders, payments), so every web process reports the same.
 *
 * Kept on globalThis: Next.js bundles route handlers with their own copies of our modules, and
 * what they count (storage errors in image routes) must land in the one registry served.
 */
const holder = globalThis as typeof globalThis & { merchboardMetrics?: Registry };
if (!holder.merchboardMetrics) {
  holder.merchboardMetrics = new Registry();
  collectDefaultMetrics({ register: holder.merchboardMetrics, prefix: "merchboard_" });
}
export const metrics: Registry = holder.merchboardMetrics;

/** The metric of that name if another copy of this module made it already, else a new one. */
export function shared<T>(name: string, make: () => T): T {
  return (metrics.getSingleMetric(name) as T | undefined) ?? make();
}
