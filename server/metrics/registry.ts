import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * The web process's metrics, served at /metrics in Prometheus's text format: the process's own
 * (CPU, memory, event-loop lag), the app's counters and histograms, and what is read from
 * Postgres at each scrape (queues, orders, payments), so every web process reports the same.
 */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics, prefix: "merchboard_" });
