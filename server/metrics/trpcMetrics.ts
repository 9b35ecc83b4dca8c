import { Histogram } from "prom-client";
import { metrics } from "./registry";

/** Every tRPC call's time, by procedure and outcome (OK or the tRPC error code). */
export const trpcDuration = new Histogram({
  name: "merchboard_trpc_duration_seconds",
  help: "tRPC procedure latency in seconds, by procedure, type and result code.",
  labelNames: ["procedure", "type", "code"] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

/** Every HTTP request's time by kind (trpc, api, page, s3), method and status class. */
export const httpDuration = new Histogram({
  name: "merchboard_http_request_duration_seconds",
  help: "HTTP request latency in seconds, by kind of route, method and status class.",
  labelNames: ["kind", "method", "status"] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metrics],
});

/** A route's kind, from few values: labels stay few whatever paths are asked for. */
export function routeKind(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!;
  if (path.startsWith("/api/trpc")) return "trpc";
  if (path.startsWith("/s3/")) return "s3";
  if (path.startsWith("/_next/")) return "static";
  if (path.startsWith("/api/")) return "api";
  return "page";
}
