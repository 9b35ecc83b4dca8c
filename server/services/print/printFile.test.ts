import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { assets, printFiles } from "@/db/schema";
import { printPixels, type Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import type { Shape } from "@/domain/document/shape";
import { handlePrintFileRequest } from "@/server/http/printFileHandler";
import type { Storage } from "@/server/storage/storage";
import { eventually } from "@/test/collabClients";
import { rect, writeShapes as writeDesign } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, errorOf, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { startWorker, type WorkerProcess } from "@/test/workerProcess";
import { pngDpi } from "@/worker/print/encodePrint";
import { runPrintFile } from "@/worker/print/printFileRun";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let products: Product[];
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("print");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(async () => {
  await worker?.kill("SIGKILL");
  await t.close();
});

async function team(productId: string | null) {
  const [owner, viewer, stranger] = await Promise.all([signedUpClient(t.db, "Owner"), signedUpClient(t.db, "Viewer"), signedUpClient(t.db, "Stranger")]);
  const { id } = await owner.client.canvas.create.mutate({ name: "Print run" });
  const inv = await owner.client.invite.create.mutate({ canvasId: id, role: "viewer" });
  await viewer.client.invite.accept.mutate({ token: inv.token });
  const product = products.find((p) => p.id === productId);
  if (product) await owner.client.canvas.setProduct.mutate({ id, productId: product.id, variantId: product.variants[0]!.id });
  return { id, owner, viewer, stranger };
}

/** The goods printed on a white ground (sublimation paper, mugs, cases); garments, bags and stickers are not. */
const WHITE_GROUND = new Set(["mug", "poster", "phone_case"]);

const writeShapes = (canvasId: string, shapes: Shape[]) => writeDesign(t.db, canvasId, shapes);

async function download(who: Person, url: string) {
  const cookie = [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const id = url.split("/").pop()!;
  return handlePrintFileRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie } }), id);
}

const rowOf = (id: string) => t.db.query.printFiles.findFirst({ where: eq(printFiles.id, id) });

describe("print files", () => {
  it("render through the worker's queue at full resolution with the DPI in pHYs, for members only", async () => {
    worker = await startWorker({ DATABASE_URL: t.url, S3_ENDPOINT: process.env.S3_ENDPOINT!, S3_BUCKET: process.env.S3_BUCKET!, INFERENCE_DEVICE: "cpu" });
    const { id, owner, viewer, stranger } = await team("tee");
    const board = artboardOf(products[0]!.printAreas[0]!);
    // A red square in the top-left quarter of the front, a blue one hidden, one on the back.
    await writeShapes(id, [
      rect({ x: 0, y: 0, width: board.width / 2, height: board.height / 2 }),
      rect({ x: board.width / 2, y: board.height / 2, width: 50, height: 50, fill: "#0000ff", hidden: true }),
      rect({ x: 0, y: board.height / 2, width: board.width, height: board.height / 2, fill: "#00ff00", area: "tee-back" }),
    ]);
    const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "tee-front" });
    expect((await viewer.client.printFile.list.query({ canvasId: id }))[0]).toMatchObject({ id: fileId, printAreaId: "tee-front", widthPx: 1800, heightPx: 2400, dpi: 150 });
    await eventually(async () => (await rowOf(fileId))?.status === "succeeded", 60_000, "the print file to render");
    const [file] = await viewer.client.printFile.list.query({ canvasId: id });
    expect(file).toMatchObject({ status: "succeeded", url: `/api/print-files/${fileId}` });

    const res = await download(viewer, file!.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const png = Buffer.from(await res.arrayBuffer());
    expect(pngDpi(png)).toBe(150);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height, meta.density, meta.hasAlpha, meta.space]).toEqual(["png", 1800, 2400, 150, true, "srgb"]);
    const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * 1800 + x) * 4, (y * 1800 + x) * 4 + 4)];
    expect(px(450, 600)).toEqual([255, 0, 0, 255]);
    // A tee prints on a transparent ground; the hidden square and the back's shape are not on it.
    expect(px(1350, 1800)).toEqual([0, 0, 0, 0]);
    expect(px(450, 1800)).toEqual([0, 0, 0, 0]);

    expect((await download(stranger, file!.url!)).status).toBe(404);
    expect((await download(createTestClient(t.db) as unknown as Person, file!.url!)).status).toBe(401);
  }, 120_000);

  it("has the right pixel size and DPI on every print area of every product", async () => {
    for (const product of products) {
      const { id, owner } = await team(product.id);
      for (const area of product.printAreas) {
        const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId: id, printAreaId: area.id });
        await runPrintFile(t.db, storage, fileId);
        const row = (await rowOf(fileId))!;
        expect(row.status, `${area.id}: ${row.error}`).toBe("succeeded");
        const png = Buffer.from(await (await download(owner, `/api/print-files/${fileId}`)).arrayBuffer());
        const meta = await sharp(png).metadata();
        const want = printPixels(area);
        expect([meta.width, meta.height, pngDpi(png)], area.id).toEqual([want.width, want.height, area.dpi]);
        expect([want.width, want.height]).toEqual([Math.round((area.widthMm / 25.4) * area.dpi), Math.round((area.heightMm / 25.4) * area.dpi)]);
        // Nothing is drawn: paper, mugs and cases print an opaque white ground, the rest print nothing.
        const { data } = await sharp(png).ensureAlpha().extract({ left: Math.floor(want.width / 2), top: Math.floor(want.height / 2), width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
        expect([...data], area.id).toEqual(WHITE_GROUND.has(product.kind) ? [255, 255, 255, 255] : [0, 0, 0, 0]);
      }
    }
  }, 300_000);

  it("refuses viewers, strangers, unknown areas and areas of another product, changing nothing", async () => {
    const { id, owner, viewer, stranger } = await team("mug");
    expect(await errorCode(viewer.client.printFile.create.mutate({ canvasId: id, printAreaId: "mug-wrap" }))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.printFile.create.mutate({ canvasId: id, printAreaId: "mug-wrap" }))).toBe("NOT_FOUND");
    expect(await errorCode(stranger.client.printFile.list.query({ canvasId: id }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "nowhere" }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "tee-front" }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "" }))).toBe("BAD_REQUEST");
    const free = await team(null);
    expect((await errorOf(free.owner.client.printFile.create.mutate({ canvasId: free.id, printAreaId: "tee-front" }))).data?.code).toBe("NOT_FOUND");
    expect(await owner.client.printFile.list.query({ canvasId: id })).toEqual([]);
  });

  it("ends cleanly when the canvas is deleted before the render, and fails with a reason when the images are too big to decode", async () => {
    const gone = await team("poster");
    const { id: goneFile } = await gone.owner.client.printFile.create.mutate({ canvasId: gone.id, printAreaId: "poster-print" });
    await gone.owner.client.canvas.delete.mutate({ id: gone.id });
    await expect(runPrintFile(t.db, storage, goneFile)).resolves.toBeUndefined();
    expect(await rowOf(goneFile)).toBeUndefined();

    const { id, owner } = await team("stickers");
    const [huge] = await t.db
      .insert(assets)
      .values({ canvasId: id, status: "ready", fileName: "huge.png", contentType: "image/png", declaredSize: 1, width: 20_000, height: 9_000, objectKey: `assets/${id}/huge.png` })
      .returning({ id: assets.id });
    await writeShapes(id, [rect({ type: "image", src: `/api/assets/${huge!.id}`, width: 500, height: 500 })]);
    const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "stickers-sheet" });
    await runPrintFile(t.db, storage, fileId);
    expect(await rowOf(fileId)).toMatchObject({ status: "failed", error: expect.stringMatching(/180 megapixels .* at most 160/) });
  });
});
