import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/testDb";
import { errorOf, signedUpClient } from "@/test/trpcTestClient";
import { claimGeneration } from "@/worker/generation/generationRun";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let canvasId: string;
let ana: Person, ben: Person, cho: Person;

beforeAll(async () => {
  t = await createTestDb();
  [ana, ben, cho] = await Promise.all([signedUpClient(t.db, "Ana"), signedUpClient(t.db, "Ben"), signedUpClient(t.db, "Cho")]);
  ({ id: canvasId } = await ana.client.canvas.create.mutate({ name: "Fair" }));
  for (const who of [ben, cho]) {
    const inv = await ana.client.invite.create.mutate({ canvasId, role: "editor" });
    await who.client.invite.accept.mutate({ token: inv.token });
  }
});
afterAll(() => t.close());

/** Who asked, in the order the generations will run: by the positions people see. */
async function lineUp() {
  const list = await ana.client.generation.list.query({ canvasId });
  return list
    .filter((g) => g.status === "queued" && g.position !== null)
    .sort((a, b) => a.position! - b.position!)
    .map((g) => ({ who: g.requestedBy!.name, prompt: g.prompt, id: g.id }));
}

/** The worker's side: generate jobs in the order graphile-worker takes them (priority, then run_at). */
async function jobOrder(): Promise<string[]> {
  const res = await t.db.execute(sql`
    select payload->>'generationId' as id from graphile_worker._private_jobs j join graphile_worker._private_tasks k on k.id = j.task_id
    where k.identifier = 'generate' order by j.priority, j.run_at, j.id`);
  return (res.rows as { id: string }[]).map((r) => r.id);
}

describe("the fair generation queue", () => {
  it("interleaves three people who queue six each, and the positions they see are the order the worker takes", async () => {
    for (const who of [ana, ben, cho]) for (let i = 1; i <= 6; i++) await who.client.generation.create.mutate({ canvasId, prompt: `${who.user.name} heart ${i}` });
    const line = await lineUp();
    expect(line.map((g) => g.who).join(" ")).toBe("Ana Ben Cho ".repeat(6).trim());
    expect(line.filter((g) => g.who === "Ana").map((g) => g.prompt)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Ana heart ${i}`));
    expect(await jobOrder()).toEqual(line.map((g) => g.id));
  });

  it("lets the owner reorder the canvas's queue within the places it holds; a stale order is refused", async () => {
    const before = await lineUp();
    const reversed = [...before].reverse().map((g) => g.id);
    await ana.client.generation.reorder.mutate({ canvasId, ids: reversed });
    const after = await lineUp();
    expect(after.map((g) => g.id)).toEqual(reversed);
    expect(await jobOrder()).toEqual(reversed);

    expect((await errorOf(ana.client.generation.reorder.mutate({ canvasId, ids: reversed.slice(1) })))?.data?.reason).toBe("generation.queueChanged");
    expect((await errorOf(ana.client.generation.reorder.mutate({ canvasId, ids: [...reversed.slice(1), reversed[1]!] })))?.data?.reason).toBe("generation.queueChanged");
    expect((await errorOf(ben.client.generation.reorder.mutate({ canvasId, ids: before.map((g) => g.id) })))?.data?.code).toBe("FORBIDDEN");
    expect((await lineUp()).map((g) => g.id)).toEqual(reversed);
    await ana.client.generation.reorder.mutate({ canvasId, ids: before.map((g) => g.id) });
  });

  it("lets the owner pause the queue (nothing of it starts, others move up) and resume it where it was", async () => {
    const before = await lineUp();
    const dan = await signedUpClient(t.db, "Dan");
    const { id: otherCanvas } = await dan.client.canvas.create.mutate({ name: "Elsewhere" });
    const elsewhere = await dan.client.generation.create.mutate({ canvasId: otherCanvas, prompt: "blue star" });
    expect((await errorOf(ben.client.generation.setQueuePaused.mutate({ canvasId, paused: true })))?.data?.code).toBe("FORBIDDEN");

    await ana.client.generation.setQueuePaused.mutate({ canvasId, paused: true });
    const list = await ana.client.generation.list.query({ canvasId });
    expect(list.filter((g) => g.status === "queued").every((g) => g.paused && g.position === null)).toBe(true);
    expect(await jobOrder()).toEqual([elsewhere.id]);
    const [other] = await dan.client.generation.list.query({ canvasId: otherCanvas });
    expect(other!.position).toBe(1);
    expect(await claimGeneration(t.db, before[0]!.id)).toBeNull(); // a job taken just before the pause
    // Asked for while paused: it waits with the rest, with no job until the owner resumes.
    await ana.client.generation.cancel.mutate({ id: before.find((g) => g.who === "Ana")!.id });
    const late = await ana.client.generation.create.mutate({ canvasId, prompt: "Ana heart late" });
    expect(await jobOrder()).toEqual([elsewhere.id]);
    before.splice(before.findIndex((g) => g.who === "Ana"), 1);

    await ana.client.generation.setQueuePaused.mutate({ canvasId, paused: false });
    const resumed = (await lineUp()).map((g) => g.id);
    expect(resumed.filter((id) => id !== late.id)).toEqual(before.map((g) => g.id));
    expect(resumed).toContain(late.id);
    expect((await jobOrder()).filter((id) => id !== elsewhere.id)).toEqual(resumed);
  });
});
