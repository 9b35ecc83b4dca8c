import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { isTrpcRequest, serveTrpc } from "./trpcNodeHandler";

let t: TestDb;
let server: http.Server;
let origin = "";

beforeAll(async () => {
  t = await createTestDb();
  server = http.createServer((req, res) => {
    if (isTrpcRequest(req)) void serveTrpc(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  // What the start script sets before the server handles anything.
  process.env.DATABASE_URL = t.url;
  process.env.APP_URL = origin;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

const call = (proc: string, input: unknown, cookie = "") =>
  fetch(`${origin}/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json", origin, cookie }, body: JSON.stringify({ json: input }) });

describe("tRPC on our HTTP server", () => {
  it("answers queries and mutations with their cookies, and streams subscriptions", async () => {
    const signUp = await call("auth.signUp", { email: "node-path@example.com", password: "correct horse battery", name: "Node Path" });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers.getSetCookie()[0]!.split(";")[0]!;
    const me = await fetch(`${origin}/api/trpc/auth.me`, { headers: { cookie } });
    expect(((await me.json()) as { result: { data: { json: { name: string } } } }).result.data.json.name).toBe("Node Path");
    expect((await call("canvas.create", { name: "x" }, "")).status).toBe(401);
    expect((await call("canvas.create", { name: "x" }, cookie)).status).toBe(200);
    const cross = await fetch(`${origin}/api/trpc/canvas.create`, { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example", cookie }, body: "{}" });
    expect(cross.status).toBe(403);

    const [canvas] = ((await (await fetch(`${origin}/api/trpc/canvas.list`, { headers: { cookie } })).json()) as { result: { data: { json: { id: string }[] } } }).result.data.json;
    const abort = new AbortController();
    const input = encodeURIComponent(JSON.stringify({ json: { canvasId: canvas!.id } }));
    const stream = await fetch(`${origin}/api/trpc/generation.events?input=${input}`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    let text = "";
    while (!text.includes("data:")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain("data:");
    abort.abort();
    await reader.cancel().catch(() => {});
  });
});
