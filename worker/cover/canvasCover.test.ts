import sharp from "sharp";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artboardOf } from "@/domain/design/artboard";
import { handleCanvasCoverRequest } from "@/server/http/canvasCoverHandler";
import { listProducts } from "@/server/services/catalog/catalogService";
import { scheduleCover, scheduleCovers } from "@/server/services/canvas/canvasCover";
import type { Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { publishedTee } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { COVER_SIZE, renderCanvasCover } from "./canvasCover";

let t: TestDb;
let storage: Storage;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("cover");
}, 60_000);
afterAll(() => t.close());

type Jar = { jar: Map<string, string> } | null;

async function fetchCover(who: Jar, url: string) {
  const cookie = who ? [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  const id = new URL(url, TEST_APP_URL).pathname.split("/").pop()!;
  return handleCanvasCoverRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie } }), id);
}

async function coverJob(canvasId: string) {
  const { rows } = await t.db.execute<{ run_at: string }>(sql`select run_at from graphile_worker.jobs where key = ${`cover:${canvasId}`}`);
  return rows[0] ? new Date(rows[0].run_at) : null;
}

describe("canvas covers", () => {
  it("render the design on its product in its colour, for members and invite holders only", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const stranger = await signedUpClient(t.db, "Stranger");
    const { id } = await owner.client.canvas.create.mutate({ name: "Red on black" });
    expect((await owner.client.canvas.list.query()).find((c) => c.id === id)).toMatchObject({ coverUrl: null, onSale: false });

    // Choosing a product asks for a cover a little later; asking again does not put it off.
    await owner.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-black-m" });
    const first = await coverJob(id);
    expect(first!.getTime() - Date.now()).toBeGreaterThan(5_000);
    await new Promise((r) => setTimeout(r, 50));
    await scheduleCover(t.db, id);
    expect(await coverJob(id)).toEqual(first);
    // Many canvases at once (the collaboration server's gathered asks), the waiting one untouched.
    const { id: other } = await owner.client.canvas.create.mutate({ name: "Another" });
    await scheduleCovers(t.db, [id, other]);
    expect(await coverJob(id)).toEqual(first);
    expect((await coverJob(other))!.getTime() - Date.now()).toBeGreaterThan(5_000);

    const tee = (await listProducts(t.db)).find((p) => p.id === "tee")!;
    const board = artboardOf(tee.printAreas[0]!);
    await writeShapes(t.db, id, [rect({ x: 0, y: 0, width: board.width, height: board.height, fill: "#ff0000", area: tee.printAreas[0]!.id })]);
    await renderCanvasCover(t.db, storage, id);
    const listed = (await owner.client.canvas.list.query()).find((c) => c.id === id)!;
    expect(listed.coverUrl).toMatch(new RegExp(`^/api/canvas-covers/${id}\\?v=\\d+$`));

    const res = await fetchCover(owner, listed.coverUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const { data, info } = await sharp(Buffer.from(await res.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([COVER_SIZE, COVER_SIZE]);
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    let red = 0;
    let dark = 0;
    for (let y = 0; y < COVER_SIZE; y += 8)
      for (let x = 0; x < COVER_SIZE; x += 8) {
        const [r, g, b] = px(x, y);
        if (r! > 150 && g! < 80 && b! < 80) red++;
        if (r! < 60 && g! < 60 && b! < 60) dark++;
      }
    // The print in red on the shirt, and the black shirt around it.
    expect(red).toBeGreaterThan(200);
    expect(dark).toBeGreaterThan(200);

    // Not a member: not found, as for a canvas with no cover, unless the request holds a usable invite.
    expect((await fetchCover(stranger, listed.coverUrl!)).status).toBe(404);
    expect((await fetchCover(null, listed.coverUrl!)).status).toBe(404);
    const invite = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
    const preview = await createTestClient(t.db).client.invite.preview.query({ token: invite.token });
    expect(preview).toMatchObject({ canvasName: "Red on black", ownerName: "Owner", role: "viewer", currentRole: null });
    expect(preview.coverUrl).toBe(`${listed.coverUrl}&invite=${invite.token}`);
    const invited = await fetchCover(null, preview.coverUrl!);
    expect(invited.status).toBe(200);
    expect(invited.headers.get("cache-control")).toBe("private, no-cache");
    await owner.client.invite.revoke.mutate({ id: invite.id });
    expect((await fetchCover(null, preview.coverUrl!)).status).toBe(404);
    expect((await fetchCover(stranger, `/api/canvas-covers/${id}?v=1&invite=${"x".repeat(200)}`)).status).toBe(404);

    // Back to a free artboard: no cover, and the card keeps its colours.
    await owner.client.canvas.clearProduct.mutate({ id });
    await renderCanvasCover(t.db, storage, id);
    expect((await owner.client.canvas.list.query()).find((c) => c.id === id)!.coverUrl).toBeNull();
  });

  it("say which canvases are on sale", async () => {
    const { owner, canvasId } = await publishedTee(t.db, await listProducts(t.db));
    const { id: draft } = await owner.client.canvas.create.mutate({ name: "Draft" });
    const list = await owner.client.canvas.list.query();
    expect(list.find((c) => c.id === canvasId)!.onSale).toBe(true);
    expect(list.find((c) => c.id === draft)!.onSale).toBe(false);
  });
});
