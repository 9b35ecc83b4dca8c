import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printFiles } from "@/db/schema";
import { readObject, type Storage } from "@/server/storage/storage";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { signedUpClient } from "@/test/trpcTestClient";
import { RenderRefused, runRender, runRenders, type RenderKind } from "./renderRunner";

let t: TestDb;
let storage: Storage;
let canvasId: string;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("runner");
  const owner = await signedUpClient(t.db, "Owner");
  canvasId = (await owner.client.canvas.create.mutate({ name: "Runner" })).id;
}, 60_000);
afterAll(() => t.close());

type Row = typeof printFiles.$inferSelect;

async function queued(): Promise<string> {
  const [row] = await t.db.insert(printFiles).values({ canvasId, printAreaId: "poster-print", widthPx: 1, heightPx: 1, dpi: 150 }).returning({ id: printFiles.id });
  return row!.id;
}
const rowOf = async (id: string) => (await t.db.select().from(printFiles).where(eq(printFiles.id, id)))[0]!;

/** A kind whose renderer is given per test: the runner's part is what is under test. */
const kind = (render: (row: Row) => Promise<Buffer>, after: string[] = []): RenderKind<Row> => ({
  table: printFiles,
  render: async (row) => ({ body: await render(row), contentType: "image/png", key: `runner/${row.id}.png` }),
  afterStored: async (row) => void after.push(row.id),
});

describe("the render runner", () => {
  it("claims, renders, stores and marks a row, then runs what follows; a finished row is left alone", async () => {
    const id = await queued();
    const after: string[] = [];
    await runRender(t.db, storage, kind(async () => Buffer.from("png!"), after), id);
    expect(await rowOf(id)).toMatchObject({ status: "succeeded", objectKey: `runner/${id}.png`, byteSize: 4, error: null });
    expect(await readObject(storage, `runner/${id}.png`, 100)).toMatchObject({ kind: "ok" });
    expect(after).toEqual([id]);
    await runRender(t.db, storage, kind(async () => { throw new Error("must not run"); }), id);
    expect((await rowOf(id)).status).toBe("succeeded");
  });

  it("puts a failed render back in the queue with its reason until the last attempt, which marks it failed", async () => {
    const id = await queued();
    const flaky = kind(async () => { throw new Error("S3 is down"); });
    await expect(runRender(t.db, storage, flaky, id, false)).rejects.toThrow("S3 is down");
    expect(await rowOf(id)).toMatchObject({ status: "queued", error: "S3 is down" });
    await runRender(t.db, storage, flaky, id, true);
    expect(await rowOf(id)).toMatchObject({ status: "failed", error: "S3 is down" });
  });

  it("fails a refused render at once, whatever the attempt", async () => {
    const id = await queued();
    await runRender(t.db, storage, kind(async () => { throw new RenderRefused("The design is gone."); }), id, false);
    expect(await rowOf(id)).toMatchObject({ status: "failed", error: "The design is gone." });
  });

  it("runs every row of a set past one that fails, then rethrows so the queue tries that one again", async () => {
    const [a, b] = [await queued(), await queued()];
    const some = kind(async (row) => { if (row.id === a) throw new Error("flaky"); return Buffer.from("ok"); });
    await expect(runRenders(t.db, storage, some, [a, b], false)).rejects.toThrow("flaky");
    expect((await rowOf(a)).status).toBe("queued");
    expect((await rowOf(b)).status).toBe("succeeded");
  });
});
