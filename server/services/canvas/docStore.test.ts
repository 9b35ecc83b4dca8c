import { count, eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasDoc } from "@/domain/document/canvasDoc";
import { canvasDocs, canvasDocUpdates } from "@/db/schema";
import { shapeRecord } from "@/test/designShapes";
import { makeUser } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createCanvas } from "./canvasService";
import { compact, loadDoc, readStoredLack } from "./docStore";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function emptyCanvas(): Promise<string> {
  const owner = await makeUser(t.db, "Owner");
  return (await createCanvas(t.db, { userId: owner.id }, { name: "Doc" })).id;
}

/** A document with these shapes, as one process's room would hold it. */
function docWith(...ids: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const id of ids) canvasDoc(doc).shapes.set(id, shapeRecord(id, { x: 1 }));
  return doc;
}

const storedShapes = async (canvasId: string) => [...canvasDoc((await loadDoc(t.db, canvasId)).doc).shapes.keys()].sort();

describe("document compaction", () => {
  it("replaces a snapshot it holds as it is, and merges one another process wrote meanwhile", async () => {
    const id = await emptyCanvas();
    const a = docWith("a1");
    const first = Y.encodeStateAsUpdate(a);
    expect(await compact(t.db, id, first, [], null)).toEqual({ generation: 1, mergedIn: null });
    // Still generation 1, which this state holds: stored byte for byte, nothing merged.
    canvasDoc(a).shapes.set("a2", shapeRecord("a2", { x: 2 }));
    const second = Y.encodeStateAsUpdate(a);
    expect(await compact(t.db, id, second, [], 1)).toEqual({ generation: 2, mergedIn: null });
    const [row] = await t.db.select({ snapshot: canvasDocs.snapshot }).from(canvasDocs).where(eq(canvasDocs.canvasId, id));
    expect(Buffer.from(row!.snapshot).equals(Buffer.from(second))).toBe(true);

    // Another process, which loaded before any snapshot, compacts its own edit: it merges ours in.
    const other = await compact(t.db, id, Y.encodeStateAsUpdate(docWith("b1")), [], null);
    expect(other.generation).toBe(3);
    expect(Buffer.from(other.mergedIn!).equals(Buffer.from(second))).toBe(true); // what it must apply to hold generation 3
    expect(await storedShapes(id)).toEqual(["a1", "a2", "b1"]);
    // And the first, still knowing generation 2, does not drop what the other folded in.
    canvasDoc(a).shapes.set("a3", shapeRecord("a3", { x: 3 }));
    expect((await compact(t.db, id, Y.encodeStateAsUpdate(a), [], 2)).generation).toBe(4);
    expect(await storedShapes(id)).toEqual(["a1", "a2", "a3", "b1"]);
  });

  it("counts a snapshot written without a generation (an older release during a deploy) as a new one", async () => {
    const id = await emptyCanvas();
    const a = docWith("a1");
    const known = (await compact(t.db, id, Y.encodeStateAsUpdate(a), [], null)).generation;
    const old = Y.encodeStateAsUpdate(docWith("a1", "old"));
    await t.db.update(canvasDocs).set({ snapshot: old }).where(eq(canvasDocs.canvasId, id));
    canvasDoc(a).shapes.set("a2", shapeRecord("a2", { x: 2 }));
    expect((await compact(t.db, id, Y.encodeStateAsUpdate(a), [], known)).generation).toBe(known + 2);
    expect(await storedShapes(id)).toEqual(["a1", "a2", "old"]);
  });

  it("deletes exactly the rows it folded, and reports the generation it loaded", async () => {
    const id = await emptyCanvas();
    const rows = await t.db
      .insert(canvasDocUpdates)
      .values(["r1", "r2", "r3"].map((k) => ({ canvasId: id, update: Y.encodeStateAsUpdate(docWith(k)) })))
      .returning({ id: canvasDocUpdates.id });
    const loaded = await loadDoc(t.db, id);
    expect(loaded.generation).toBeNull();
    expect(loaded.rowIds).toEqual(rows.map((r) => r.id));
    await compact(t.db, id, Y.encodeStateAsUpdate(loaded.doc), loaded.rowIds.slice(0, 2), loaded.generation);
    const [left] = await t.db.select({ n: count() }).from(canvasDocUpdates).where(eq(canvasDocUpdates.canvasId, id));
    expect(left!.n).toBe(1);
    const again = await loadDoc(t.db, id);
    expect(again.generation).toBe(1);
    expect(again.rowIds).toEqual([rows[2]!.id]);
    expect(await storedShapes(id)).toEqual(["r1", "r2", "r3"]);
  });

  it("reads what a document lacks: the rows it does not hold, and the snapshot once another compaction wrote one", async () => {
    const id = await emptyCanvas();
    const [r1, r2] = await t.db
      .insert(canvasDocUpdates)
      .values(["r1", "r2"].map((k) => ({ canvasId: id, update: Y.encodeStateAsUpdate(docWith(k)) })))
      .returning({ id: canvasDocUpdates.id });
    const { generation } = await compact(t.db, id, Y.encodeStateAsUpdate(docWith("s")), [], null);
    const held = new Set([r1!.id]);
    const lack = await readStoredLack(t.db, id, generation, held);
    expect(lack).toMatchObject({ generation, snapshot: null });
    expect(lack.rows.map((r) => r.id)).toEqual([r2!.id]);
    // Another process folds both rows: the snapshot is what is lacking now.
    await compact(t.db, id, Y.encodeStateAsUpdate(docWith("s", "r1", "r2")), [r1!.id, r2!.id], generation);
    const after = await readStoredLack(t.db, id, generation, held);
    expect(after.rows).toEqual([]);
    expect(after.generation).toBe(generation + 1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after.snapshot!);
    expect([...canvasDoc(doc).shapes.keys()].sort()).toEqual(["r1", "r2", "s"]);
  });
});
