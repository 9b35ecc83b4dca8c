import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@/db/client";
import { appRouter } from "../trpc/appRouter";
import { createContext } from "../trpc/context";
import { batchSize, isCrossSite, jsonError, MAX_BATCH, MAX_BODY_BYTES, readLimitedBody } from "./requestGuards";
import { log } from "@/server/log";

export const TRPC_ENDPOINT = "/api/trpc";

/** tRPC over fetch, behind the guards every request passes: CSRF, body size, batch size. */
export async function handleTrpcRequest(db: Db, appUrl: string, req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (batchSize(url, TRPC_ENDPOINT) > MAX_BATCH) return jsonError(400, `A batch may hold at most ${MAX_BATCH} calls.`);
  let forward = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (isCrossSite(req, appUrl)) return jsonError(403, "Cross-site requests may not change anything.");
    const body = await readLimitedBody(req);
    if (!body) return jsonError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    forward = new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit });
  }
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: forward,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext(db, forward, resHeaders),
    onError: ({ error }) => reportTrpcError(error),
  });
}

/** Our own failures are logged; the client's (bad input, no access) are only answered. */
export function reportTrpcError(error: TRPCError): void {
  if (error.code === "INTERNAL_SERVER_ERROR") log.error({ err: error.cause ?? error }, "trpc: internal error");
}
