import type http from "node:http";
import { Readable } from "node:stream";
import { getDb } from "../db";
import { env } from "../env";
import { batchSize, MAX_BATCH } from "./requestGuards";
import { handleTrpcRequest, TRPC_ENDPOINT } from "./trpcHandler";
import { answerQueries } from "./trpcQueryHandler";

/**
 * `/api/trpc` served by our HTTP server directly, outside the App Router: the same handler (guards,
 * context, router) that the route file runs, without Next's per-request route machinery, which
 * cost several times the work of a small query. Queries are answered on node's request and
 * response (see trpcQueryHandler); the rest through tRPC's fetch handler. Subscriptions stream (SSE)
 * and end when the client goes away.
 */
export function isTrpcRequest(req: http.IncomingMessage): boolean {
  return req.url === TRPC_ENDPOINT || !!req.url?.startsWith(`${TRPC_ENDPOINT}/`) || !!req.url?.startsWith(`${TRPC_ENDPOINT}?`);
}

export async function serveTrpc(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const abort = new AbortController();
  // Only a client that left early aborts (a subscription's end); a finished answer has nothing to stop.
  res.once("close", () => res.writableFinished || abort.abort());
  if (req.method === "GET") {
    const url = new URL(req.url!, env().APP_URL);
    const path = url.pathname.slice(TRPC_ENDPOINT.length).replace(/^\/|\/$/g, "");
    if (batchSize(url, TRPC_ENDPOINT) <= MAX_BATCH && (await answerQueries(getDb(), req, res, path, url.searchParams, abort.signal))) return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(new URL(req.url!, env().APP_URL), {
    method: req.method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await handleTrpcRequest(getDb(), env().APP_URL, request);
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) outHeaders["set-cookie"] = cookies;
  if (!response.body) {
    res.writeHead(response.status, outHeaders).end();
    return;
  }
  if (response.headers.get("content-type")?.includes("text/event-stream")) {
    res.writeHead(response.status, outHeaders);
    res.flushHeaders();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (res.destroyed) break;
      res.write(chunk);
    }
    res.end();
    return;
  }
  // A small answer, complete at once: as text, Node sends the head and body in one write.
  const body = await response.text();
  outHeaders["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(response.status, outHeaders).end(body);
}
