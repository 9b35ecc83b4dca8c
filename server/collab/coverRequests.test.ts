import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { signedUpClient } from "@/test/trpcTestClient";
import { CoverRequests } from "./coverRequests";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.close());

/** The canvases' queued cover jobs, and how often any of them was queued again (graphile counts it as a revision). */
const coverJobs = async (ids: string[]) =>
  (
    await t.db.execute<{ n: number; again: number }>(
      sql`select count(*)::int as n, coalesce(sum(revision), 0)::int as again from graphile_worker.jobs where key = any(${sql.param(ids.map((id) => `cover:${id}`))}::text[])`,
    )
  ).rows[0]!;

describe("cover requests", () => {
  it("queue each canvas once however often its room asks, all rooms' asks in one go", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const ids = await Promise.all(["A", "B", "C"].map(async (name) => (await owner.client.canvas.create.mutate({ name })).id));
    const covers = new CoverRequests(t.db, 60_000);
    for (let i = 0; i < 5; i++) for (const id of ids) covers.ask(id);
    expect(await coverJobs(ids)).toEqual({ n: 0, again: 0 }); // gathered, not yet queued
    await covers.flush();
    expect(await coverJobs(ids)).toEqual({ n: 3, again: 0 });
    covers.ask(ids[0]!); // asked again within the delay: nothing new to queue
    await covers.flush();
    expect(await coverJobs(ids)).toEqual({ n: 3, again: 0 });
    covers.stop();
  });
});
