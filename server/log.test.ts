import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { enqueue } from "./jobs/enqueue";
import { logContext, makeLogger, requestIdFrom } from "./log";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.close());

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logger: makeLogger(stream) };
}

describe("structured logs", () => {
  it("are JSON lines with level, time, role and, inside a request or a job, its ids", () => {
    const { lines, logger } = capture();
    logger.info("outside");
    logContext.run({ reqId: "req-12345678" }, () => logger.error({ err: new Error("boom"), orderId: "o1" }, "shop: the payment could not start"));
    logContext.run({ reqId: "req-12345678", jobId: "42", task: "sendOrderMail" }, () => logger.info("sent"));
    expect(lines[0]).toMatchObject({ level: 30, msg: "outside", role: "web" });
    expect(lines[0]).not.toHaveProperty("reqId");
    expect(typeof lines[0]!.time).toBe("number");
    expect(lines[1]).toMatchObject({ level: 50, reqId: "req-12345678", orderId: "o1", msg: "shop: the payment could not start", err: { message: "boom", type: "Error" } });
    expect((lines[1]!.err as { stack: string }).stack).toContain("boom");
    expect(lines[2]).toMatchObject({ reqId: "req-12345678", jobId: "42", task: "sendOrderMail", msg: "sent" });
  });

  it("carry the request's id into the jobs it queues, and take a caller's id only when it looks like one", async () => {
    await logContext.run({ reqId: "req-abcdefgh" }, () => t.db.transaction((tx) => enqueue(tx, "expireOrder", { orderId: "0b7e4f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b" })));
    const res = await t.db.execute(sql`select payload from graphile_worker._private_jobs order by id desc limit 1`);
    expect(res.rows[0]).toEqual({ payload: { orderId: "0b7e4f1a-3c2d-4e5f-8a9b-1c2d3e4f5a6b", requestId: "req-abcdefgh" } });
    expect(requestIdFrom("edge-7f3a9c01")).toBe("edge-7f3a9c01");
    expect(requestIdFrom("short")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom("bad id\nwith newline")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
