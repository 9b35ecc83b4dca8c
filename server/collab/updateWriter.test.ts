import { asc, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { canvasDocUpdates } from "@/db/schema";
import { makeUser } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { createCanvas } from "../services/canvas/canvasService";
import { DOC_CHANNEL, PROCESS_TAG } from "../services/canvas/docStore";
import { parseDocAnnouncement } from "./notifications";
import { UpdateWriter } from "./updateWriter";

let t: TestDb;
let pool: pg.Pool;

beforeAll(async () => {
  t = await createTestDb();
  pool = createDb(t.url, 4).pool;
});
afterAll(async () => {
  await pool.end();
  await t.close();
});

const tick = () => new Promise((r) => setImmediate(r));
const bytes = (...b: number[]) => Uint8Array.from(b);

async function twoCanvases() {
  const user = await makeUser(t.db, "Writer");
  const a = await createCanvas(t.db, { userId: user.id }, { name: "A" });
  const b = await createCanvas(t.db, { userId: user.id }, { name: "B" });
  return { userId: user.id, a: a.id, b: b.id };
}

async function storedRows(canvasId: string) {
  return t.db.select().from(canvasDocUpdates).where(eq(canvasDocUpdates.canvasId, canvasId)).orderBy(asc(canvasDocUpdates.id));
}

/** Every payload on the documents' channel, as another process would hear it. */
async function listenForAnnouncements(): Promise<{ heard: string[]; listener: pg.Client }> {
  const listener = new pg.Client({ connectionString: t.url });
  await listener.connect();
  const heard: string[] = [];
  listener.on("notification", (n) => heard.push(n.payload!));
  await listener.query(`LISTEN "${DOC_CHANNEL}"`);
  return { heard, listener };
}

describe("update writer", () => {
  it("stores one tick's rows in one statement, one batch per canvas, and announces each canvas's id range", async () => {
    const { userId, a, b } = await twoCanvases();
    const { heard, listener } = await listenForAnnouncements();

    const writer = new UpdateWriter(pool);
    const onA = [writer.append(a, bytes(1), userId), writer.append(a, bytes(2), userId), writer.append(a, bytes(3), userId)];
    const onB = [writer.append(b, bytes(4), userId), writer.append(b, bytes(5), userId)];
    expect(new Set(onA).size).toBe(1);
    expect(new Set(onB).size).toBe(1);
    expect(onA[0]).not.toBe(onB[0]);

    const [idsA, idsB] = await Promise.all([onA[0], onB[0]]);
    const rowsA = await storedRows(a);
    const rowsB = await storedRows(b);
    expect(rowsA.map((r) => r.id)).toEqual(idsA);
    expect(rowsB.map((r) => r.id)).toEqual(idsB);
    expect(rowsA.map((r) => [...r.update])).toEqual([[1], [2], [3]]);
    expect(rowsB.map((r) => [...r.update])).toEqual([[4], [5]]);
    expect(rowsA.every((r) => r.userId === userId)).toBe(true);

    // One notification for the statement, both ranges in it, with their rows (small) in order.
    await expect.poll(() => heard.length).toBe(1);
    const announced = parseDocAnnouncement(heard[0]!);
    expect(announced?.tag).toBe(PROCESS_TAG);
    expect(announced?.ranges.sort((x, y) => x.from - y.from)).toEqual([
      { canvasId: a, from: idsA![0], to: idsA![2], updates: [new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])] },
      { canvasId: b, from: idsB![0], to: idsB![1], updates: [new Uint8Array([4]), new Uint8Array([5])] },
    ]);
    await listener.end();
  });

  it("splits a statement's ranges over as many notifications as Postgres's payload limit needs", async () => {
    const user = await makeUser(t.db, "Busy writer");
    const canvases = [];
    for (let i = 0; i < 250; i++) canvases.push((await createCanvas(t.db, { userId: user.id }, { name: `C${i}` })).id);
    const { heard, listener } = await listenForAnnouncements();

    const writer = new UpdateWriter(pool);
    const stored = await Promise.all(canvases.map((id, i) => writer.append(id, bytes(i), user.id)));
    await expect.poll(() => heard.flatMap((p) => parseDocAnnouncement(p)?.ranges ?? []).length).toBe(250);
    // 250 ranges of about 45 bytes each: more than one payload, each under the limit.
    expect(heard.length).toBeGreaterThan(1);
    expect(heard.every((p) => p.length < 8000)).toBe(true);
    const ranges = heard.flatMap((p) => parseDocAnnouncement(p)!.ranges);
    expect(new Map(ranges.map((r) => [r.canvasId, [r.from, r.to]]))).toEqual(new Map(canvases.map((id, i) => [id, [stored[i]![0], stored[i]![0]]])));
    await listener.end();
  });

  it("sends small rows along with their range, and only the range of large ones, for the other processes to read", async () => {
    const { userId, a, b } = await twoCanvases();
    const { heard, listener } = await listenForAnnouncements();
    const writer = new UpdateWriter(pool);
    const large = new Uint8Array(4000).fill(7);
    const [small, big] = await Promise.all([writer.append(a, bytes(9), userId), writer.append(b, large, userId)]);
    await expect.poll(() => heard.flatMap((p) => parseDocAnnouncement(p)?.ranges ?? []).length).toBe(2);
    const ranges = new Map(heard.flatMap((p) => parseDocAnnouncement(p)!.ranges).map((r) => [r.canvasId, r]));
    expect(ranges.get(a)).toEqual({ canvasId: a, from: small[0], to: small[0], updates: [new Uint8Array([9])] });
    expect(ranges.get(b)).toEqual({ canvasId: b, from: big[0], to: big[0] });
    await listener.end();
  });

  it("gathers the rows that arrive while its statements are in flight into the next one", async () => {
    const { userId, a } = await twoCanvases();
    const writer = new UpdateWriter(pool, 1);
    // Hold inserts behind a table lock so the first statement stays in flight.
    const blocker = await pool.connect();
    await blocker.query("begin");
    await blocker.query("lock table canvas_doc_updates in exclusive mode");
    const first = writer.append(a, bytes(0), userId);
    await tick();
    const later: Promise<number[]>[] = [];
    for (let i = 1; i <= 5; i++) {
      later.push(writer.append(a, bytes(i), userId));
      await tick();
    }
    expect(new Set(later).size).toBe(1);
    expect(later[0]).not.toBe(first);
    await blocker.query("commit");
    blocker.release();
    const [firstIds, laterIds] = await Promise.all([first, later[0]]);
    expect(firstIds).toHaveLength(1);
    expect(laterIds).toHaveLength(5);
    expect((await storedRows(a)).map((r) => r.update[0])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("refuses only the canvas whose rows fail, stores the others of the same statement, and goes on writing", async () => {
    const { userId, a } = await twoCanvases();
    const writer = new UpdateWriter(pool);
    const gone = "00000000-0000-4000-8000-000000000000"; // no such canvas: the foreign key refuses it
    const kept = writer.append(a, bytes(7), userId);
    const refused = writer.append(gone, bytes(8), userId);
    await expect(refused).rejects.toThrow(/foreign key/);
    const keptIds = await kept;
    expect((await storedRows(a)).map((r) => r.id)).toEqual(keptIds);
    const more = await writer.append(a, bytes(9), userId);
    expect((await storedRows(a)).map((r) => r.update[0])).toEqual([7, 9]);
    expect(more[0]).toBeGreaterThan(keptIds[0]!);
  });
});
