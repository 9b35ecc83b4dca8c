import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvases } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/testDb";
import { signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { handleTrpcRequest } from "./trpcHandler";

let t: TestDb;
let cookie: string;
beforeAll(async () => {
  t = await createTestDb();
  const a = await signedUpClient(t.db, "Guard");
  cookie = `mb_session=${a.jar.get("mb_session")}`;
});
afterAll(() => t.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  handleTrpcRequest(
    t.db,
    TEST_APP_URL,
    new Request(`${TEST_APP_URL}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body,
    }),
  );
const createBody = JSON.stringify({ json: { name: "From elsewhere" } });
const canvasCount = async () => (await t.db.select({ n: count() }).from(canvases))[0]!.n;

describe("request guards", () => {
  it("refuses cross-site mutations with 403 and changes nothing", async () => {
    const before = await canvasCount();
    expect((await post("canvas.create", createBody, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post("canvas.create", createBody, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await canvasCount()).toBe(before);
    expect((await post("canvas.create", createBody, { origin: TEST_APP_URL })).status).toBe(200);
    expect(await canvasCount()).toBe(before + 1);
  });

  it("refuses bodies over 1 MB with 413", async () => {
    const big = JSON.stringify({ json: { name: "x".repeat(1024 * 1024 + 10) } });
    const res = await post("canvas.create", big, { origin: TEST_APP_URL });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/1 MB/);
  });

  it("refuses batches of more than 10 calls", async () => {
    const paths = Array.from({ length: 11 }, () => "auth.me").join(",");
    const res = await handleTrpcRequest(t.db, TEST_APP_URL, new Request(`${TEST_APP_URL}/api/trpc/${paths}?batch=1&input={}`));
    expect(res.status).toBe(400);
    const ok = await handleTrpcRequest(
      t.db,
      TEST_APP_URL,
      new Request(`${TEST_APP_URL}/api/trpc/${paths.split(",").slice(0, 10).join(",")}?batch=1&input={}`, { headers: { cookie } }),
    );
    expect(ok.status).toBe(200);
  });

  it("answers errors with a code and a message, never a stack", async () => {
    const res = await post("canvas.create", JSON.stringify({ json: { name: "" } }), { origin: TEST_APP_URL });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(body.error.json.data.fieldErrors.name).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/stack|at Object\.|node_modules/);
  });
});
