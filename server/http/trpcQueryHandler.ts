import type http from "node:http";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, TRPCError, transformTRPCResponse } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Db } from "@/db/client";
import { appRouter } from "../trpc/appRouter";
import { createContext, type Context } from "../trpc/context";
import { reportTrpcError } from "./trpcHandler";

type Call = { path: string; input: unknown };
type Answer = { result: { data: unknown } } | { error: ReturnType<typeof getTRPCErrorShape> };

/**
 * GET queries, one or a batch, answered on node's request and response: what tRPC's fetch handler
 * answers for them (the same procedure calls, error shapes, statuses and headers), without a fetch
 * Request and Response per call, whose construction and reading cost more than the rest of a small
 * query. `path` is the part of the URL after the endpoint. Returns false, having done nothing, for
 * anything else (subscriptions, mutations, streamed batches, unknown procedures, unreadable input):
 * those go to the fetch handler.
 */
export async function answerQueries(db: Db, req: http.IncomingMessage, res: http.ServerResponse, path: string, search: URLSearchParams, signal: AbortSignal): Promise<boolean> {
  const calls = readCalls(path, search);
  if (!calls || !acceptsPlainJson(req) || search.has("connectionParams")) return false;
  const resHeaders = new Headers();
  let ctx: Context | undefined;
  let ctxError: unknown = null;
  try {
    ctx = await createContext(db, { headers: { get: (name) => header(req, name) } }, resHeaders);
  } catch (e) {
    ctxError = e;
  }
  const answers = await Promise.all(calls.map((call, batchIndex) => answer(call, batchIndex, ctx, ctxError, signal)));
  const isBatch = search.get("batch") === "1";
  const json = isBatch ? answers : answers[0]!;
  const body = Buffer.from(JSON.stringify(transformTRPCResponse(appRouter._def._config, json)));
  const headers: Record<string, string | string[]> = { vary: "trpc-accept, accept", "content-type": "application/json" };
  resHeaders.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = resHeaders.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = String(body.byteLength);
  res.writeHead(getHTTPStatusCode(json), headers).end(body);
  return true;
}

/** One call's answer; a context that could not be made fails every call, as in tRPC's handler. */
async function answer(call: Call, batchIndex: number, ctx: Context | undefined, ctxError: unknown, signal: AbortSignal): Promise<Answer> {
  try {
    if (!ctx) throw ctxError;
    const data = await callTRPCProcedure({ router: appRouter, path: call.path, getRawInput: async () => call.input, ctx, type: "query", signal, batchIndex });
    if (isDataStream(data)) throw new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink" });
    return { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    reportTrpcError(error);
    return { error: getTRPCErrorShape({ config: appRouter._def._config, ctx, error, input: call.input, path: call.path, type: "query" }) };
  }
}

/** The calls of a GET as tRPC reads them, or null when any is not a query we can answer here. */
function readCalls(path: string, search: URLSearchParams): Call[] | null {
  let decoded: string;
  let inputs: unknown;
  try {
    decoded = decodeURIComponent(path);
    const raw = search.get("input");
    inputs = raw ? JSON.parse(raw) : undefined;
  } catch {
    return null;
  }
  const isBatch = search.get("batch") === "1";
  const paths = isBatch ? decoded.split(",") : [decoded];
  if (isBatch && inputs !== undefined && (typeof inputs !== "object" || inputs === null || Array.isArray(inputs))) return null;
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
  const calls: Call[] = [];
  for (const [index, p] of paths.entries()) {
    if (procedures[p]?._def.type !== "query") return null;
    const raw = inputs === undefined ? undefined : isBatch ? (inputs as Record<number, unknown>)[index] : inputs;
    try {
      calls.push({ path: p, input: raw === undefined ? undefined : appRouter._def._config.transformer.input.deserialize(raw) });
    } catch {
      return null;
    }
  }
  return calls;
}

/** A client asking for a streamed (JSON lines) answer gets it from the fetch handler. */
function acceptsPlainJson(req: http.IncomingMessage): boolean {
  if (req.headers["trpc-accept"] !== undefined) return false;
  return !header(req, "accept")?.split(",").some((t) => t.trim() === "application/jsonl");
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}

function isDataStream(value: unknown): boolean {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  if (Symbol.asyncIterator in value) return true;
  return Object.values(value).some((v) => v instanceof Promise || (!!v && typeof v === "object" && Symbol.asyncIterator in v));
}
