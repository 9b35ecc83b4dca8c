import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { env } from "../env";
import { metrics } from "../metrics/registry";

export const METRICS_PATH = "/metrics";

export const isMetricsRequest = (req: http.IncomingMessage) => req.url === METRICS_PATH || req.url?.startsWith(`${METRICS_PATH}?`);

/** The token METRICS_TOKEN names, compared in constant time; no token set means open (one machine, behind its firewall). */
function allowed(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(header?.replace(/^Bearer /, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** GET /metrics in Prometheus's text format; 401 without the token when one is set, 405 for other methods. */
export async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET, HEAD" }).end("Method not allowed");
  if (!allowed(req.headers.authorization, env().METRICS_TOKEN)) return void res.writeHead(401, { "www-authenticate": "Bearer" }).end("A metrics token is required");
  const body = await metrics.metrics();
  res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : body);
}
