import http from "node:http";
import next from "next";
import type { Db } from "@/db/client";
import { attachCollabServer, type OtherUpgrade } from "../collab/collabServer";
import { env } from "../env";
import { stampClientAddress } from "./clientAddress";
import { createEmbeddedS3Proxy, EMBEDDED_S3_PREFIX } from "./embeddedS3Proxy";
import { isTrpcRequest, serveTrpc } from "./trpcNodeHandler";
import { isMetricsRequest, serveMetrics } from "./metricsHandler";
import { createReadiness } from "./readiness";
import { watchCollab } from "../metrics/collabMetrics";
import { watchDatabase } from "../metrics/dbMetrics";
import { httpDuration, routeKind } from "../metrics/trpcMetrics";
import { log, logContext, requestIdFrom } from "@/server/log";

export type AppServer = { server: http.Server; close: () => Promise<void> };

/**
 * Next.js (pages, tRPC route, health), /metrics, /api/ready and /api/live on one port. The collaboration socket joins this server's
 * `upgrade` event so that the session cookie is shared and no CORS is needed.
 */
type Options = {
  dir: string;
  port: number;
  hostname?: string;
  dev?: boolean;
  collab?: { db: Db; databaseUrl: string; appUrl: string };
  /** Set when S3 is the embedded server: browser uploads reach it through `/s3/`. */
  embeddedS3?: { db: Db; endpoint: string; bucket: string };
};

export async function startAppServer(opts: Options): Promise<AppServer> {
  const app = next({ dev: !!opts.dev, dir: opts.dir, hostname: opts.hostname ?? "localhost", port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const s3Proxy = opts.embeddedS3 ? createEmbeddedS3Proxy(opts.embeddedS3.db, opts.embeddedS3.endpoint, opts.embeddedS3.bucket) : null;
  const trustedProxies = env().TRUST_PROXY;
  if (opts.collab) watchDatabase(opts.collab.db);
  const readiness = opts.collab ? createReadiness(opts.collab.db) : null;
  const server = http.createServer((req, res) => {
    // Every log line of this request, and every job it queues, carries its id (as does the answer).
    const reqId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", reqId);
    logContext.run({ reqId }, () => serve(req, res));
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    stampClientAddress(req, trustedProxies);
    const started = process.hrtime.bigint();
    res.once("finish", () => httpDuration.observe({ kind: routeKind(req.url), method: req.method ?? "", status: `${Math.floor(res.statusCode / 100)}xx` }, Number(process.hrtime.bigint() - started) / 1e9));
    if (isMetricsRequest(req)) {
      serveMetrics(req, res).catch((e: unknown) => {
        log.error({ err: e }, "metrics: unhandled");
        if (!res.headersSent) res.writeHead(500).end("Internal error");
      });
      return;
    }
    if (readiness?.handles(req)) {
      readiness.serve(req, res).catch((e: unknown) => {
        log.error({ err: e }, "readiness: unhandled");
        if (!res.headersSent) res.writeHead(500).end("Internal error");
      });
      return;
    }
    if (s3Proxy && req.url?.startsWith(EMBEDDED_S3_PREFIX)) {
      void s3Proxy(req, res);
      return;
    }
    if (isTrpcRequest(req)) {
      serveTrpc(req, res).catch((e: unknown) => {
        log.error({ err: e }, "trpc: unhandled");
        if (!res.headersSent) res.writeHead(500).end("Internal error");
        else res.destroy();
      });
      return;
    }
    if (isBufferedApiRequest(req)) coalesceWrites(res);
    handle(req, res).catch((e: unknown) => {
      log.error({ err: e }, "http: unhandled");
      if (!res.headersSent) res.writeHead(500).end("Internal error");
    });
  };
  // Next's dev server takes its own upgrades (hot reload); the collaboration server refuses the rest.
  const devUpgrade = opts.dev ? app.getUpgradeHandler() : null;
  const otherUpgrade: OtherUpgrade = (req, socket, head) => {
    if (!devUpgrade || !req.url?.startsWith("/_next/")) return false;
    void devUpgrade(req, socket, head);
    return true;
  };
  const collab = opts.collab ? attachCollabServer(server, { ...opts.collab, otherUpgrade }) : null;
  if (collab) watchCollab(collab.rooms);
  if (!collab) server.on("upgrade", (req, socket, head) => void (otherUpgrade(req, socket, head) || socket.destroy()));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, resolve);
  });
  return {
    server,
    // Not ready at once (a proxy stops sending here), then the collaboration sockets are closed so
    // their clients reconnect elsewhere, then the HTTP server.
    close: async () => {
      readiness?.drain();
      await collab?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Small JSON answers that complete at once. Only these are corked: a corked socket never drains,
 * so a body larger than the socket's buffer (a print file, a mockup, an image) would wait forever
 * for a `drain` that cannot come; streams (SSE, pages) must not be held back either.
 */
const BUFFERED_API = ["/api/health", "/api/auth/"];
function isBufferedApiRequest(req: http.IncomingMessage): boolean {
  return BUFFERED_API.some((p) => req.url?.startsWith(p)) && !req.headers.accept?.includes("text/event-stream");
}

/**
 * Next.js writes a response's head and body parts separately; each is a syscall here. Corking the
 * socket until `end` sends them in one write, which is most of the cost of a small API answer.
 */
function coalesceWrites(res: http.ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  socket.cork();
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((...args: unknown[]) => {
    const out = end(...args);
    socket.uncork();
    return out;
  }) as typeof res.end;
}
