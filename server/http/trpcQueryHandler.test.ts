import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { signedUpClient } from "@/test/trpcTestClient";
import { CLIENT_ADDRESS_HEADER } from "./clientAddress";
import { handleTrpcRequest } from "./trpcHandler";
import { answerQueries } from "./trpcQueryHandler";

/** Status of an answer the node path declined: the fetch handler answers those. */
const DECLINED = 599;

let t: TestDb;
let server: http.Server;
let origin = "";
let cookie = "";
let canvasId = "";

beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, origin);
    const path = url.pathname.slice("/api/trpc/".length);
    void answerQueries(t.db, req, res, path, url.searchParams, new AbortController().signal).then((answered) => answered || res.writeHead(DECLINED).end());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = origin;
  const a = await signedUpClient(t.db, "Queries");
  cookie = `mb_session=${a.jar.get("mb_session")}`;
  canvasId = (await a.client.canvas.create.mutate({ name: "Queried" })).id;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

const withAddress = (headers: Record<string, string>) => ({ ...headers, [CLIENT_ADDRESS_HEADER]: "198.18.7.7" });
const throughNode = (path: string, headers: Record<string, string>) => fetch(`${origin}/api/trpc/${path}`, { headers: withAddress(headers) });

/** The same GET through the node path and through tRPC's fetch handler. */
async function expectSameAnswer(path: string, headers: Record<string, string> = { cookie }) {
  const node = await throughNode(path, headers);
  const fetched = await handleTrpcRequest(t.db, origin, new Request(`${origin}/api/trpc/${path}`, { headers: withAddress(headers) }));
  expect(node.status).not.toBe(DECLINED);
  expect(node.status).toBe(fetched.status);
  for (const name of ["content-type", "vary", "retry-after"]) expect(node.headers.get(name)).toBe(fetched.headers.get(name));
  expect(node.headers.getSetCookie()).toEqual(fetched.headers.getSetCookie());
  expect(await node.json()).toEqual(await fetched.json());
  return node.status;
}

describe("tRPC queries on node's request and response", () => {
  it("answers queries, one or batched, as tRPC's fetch handler does", async () => {
    expect(await expectSameAnswer("canvas.list")).toBe(200);
    expect(await expectSameAnswer(`canvas.get?input=${input({ json: { id: canvasId } })}`)).toBe(200);
    expect(await expectSameAnswer(`auth.me,canvas.list?batch=1&input=${input({})}`)).toBe(200);
    expect(await expectSameAnswer(`canvas.get,canvas.members?batch=1&input=${input({ 0: { json: { id: canvasId } }, 1: { json: { canvasId } } })}`)).toBe(200);
  });

  it("answers the procedures' errors as tRPC's fetch handler does, statuses included", async () => {
    expect(await expectSameAnswer("canvas.list", {})).toBe(401);
    expect(await expectSameAnswer(`canvas.get?input=${input({ json: { id: "not-a-uuid" } })}`)).toBe(400);
    expect(await expectSameAnswer(`canvas.get?input=${input({ json: { id: "00000000-0000-4000-8000-000000000000" } })}`)).toBe(404);
    expect(await expectSameAnswer(`canvas.list,canvas.get?batch=1&input=${input({ 1: { json: { id: "not-a-uuid" } } })}`)).toBe(207);
  });

  it("leaves to the fetch handler what is not a plain query", async () => {
    const declined = [
      "no.such.procedure",
      "canvas.create",
      `generation.events?input=${input({ json: { canvasId } })}`,
      "canvas.get?input=%7Bnot-json",
      `canvas.list,canvas.list?batch=1&input=${input([1, 2])}`,
      "canvas.list?connectionParams=%7B%7D",
    ];
    for (const path of declined) expect((await throughNode(path, { cookie })).status, path).toBe(DECLINED);
    expect((await throughNode("canvas.list", { cookie, "trpc-accept": "application/jsonl" })).status).toBe(DECLINED);
  });
});
