import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderLines, printFiles, snapshotRenders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { readObject, type Storage } from "@/server/storage/storage";
import { address } from "@/test/shopFixtures";
import { rect, writeShapes } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { pngDpi } from "@/worker/print/encodePrint";
import { runPrintFile } from "@/worker/print/printFileRun";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";
import { moveOrder } from "../shop/orderTransitions";

let t: TestDb;
let storage: Storage;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("variant-prints");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

/** A canvas designing `productId` with a black band across the top quarter of its first print area. */
async function design(productId: string) {
  const owner = await signedUpClient(t.db, "Seller");
  const product = products.find((p) => p.id === productId)!;
  const { id: canvasId } = await owner.client.canvas.create.mutate({ name: `${productId} design` });
  await owner.client.canvas.setProduct.mutate({ id: canvasId, productId, variantId: product.variants[0]!.id });
  const board = artboardOf(product.printAreas[0]!);
  await writeShapes(t.db, canvasId, [rect({ x: 0, y: 0, width: board.width, height: board.height / 4, fill: "#000000" })]);
  return { owner, canvasId, product };
}

/** A paid order of one of each of these variants of a published design; its print files, by variant bought. */
async function paidOrder(productId: string, variantIds: string[]) {
  const { owner, canvasId } = await design(productId);
  const listing = await owner.client.listing.publish.mutate({ canvasId, title: `${productId} for sale`, price: 3000, variantIds });
  const shopper = createTestClient(t.db);
  for (const variantId of variantIds) await shopper.client.cart.add.mutate({ listingId: listing.id, variantId, quantity: 1 });
  const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "buyer@example.com", shippingAddress: address });
  expect(await t.db.transaction((tx) => moveOrder(tx, orderId, "paid", "provider:test"))).toBe(true);
  const lines = await t.db.select({ id: orderLines.id, variantId: orderLines.variantId }).from(orderLines).where(eq(orderLines.orderId, orderId));
  const files = await t.db.select().from(snapshotRenders).where(and(eq(snapshotRenders.kind, "print"), inArray(snapshotRenders.orderLineId, lines.map((l) => l.id))));
  return new Map(lines.map((l) => [l.variantId, files.find((f) => f.orderLineId === l.id)!]));
}

async function storedPng(key: string | null) {
  const read = await readObject(storage, key!, 256 * 1024 * 1024);
  if (read.kind !== "ok") throw new Error(`no object at ${key}`);
  const meta = await sharp(read.body).metadata();
  return { png: read.body, width: meta.width, height: meta.height, dpi: pngDpi(read.body) };
}

describe("print files per variant", () => {
  it("an A3 poster order gets a 297 × 420 mm file at 300 DPI, the A2 one the whole area", async () => {
    const files = await paidOrder("poster", ["poster-white-a3", "poster-white-a2"]);
    const a3 = files.get("poster-white-a3")!;
    expect([a3.printAreaId, a3.widthPx, a3.heightPx, a3.dpi]).toEqual(["poster-print", Math.round((297 / 25.4) * 300), Math.round((420 / 25.4) * 300), 300]);
    expect([a3.widthPx, a3.heightPx]).toEqual([3508, 4961]);
    const a2 = files.get("poster-white-a2")!;
    expect([a2.widthPx, a2.heightPx, a2.dpi]).toEqual([4961, 7016, 300]);

    await runSnapshotRender(t.db, storage, a3.id, true);
    const [row] = await t.db.select().from(snapshotRenders).where(eq(snapshotRenders.id, a3.id));
    expect(row!.status, row!.error ?? "").toBe("succeeded");
    const file = await storedPng(row!.objectKey);
    expect([file.width, file.height, file.dpi]).toEqual([3508, 4961, 300]);
    // The design scaled, not cropped: the band still spans the top quarter of the smaller sheet.
    const { data } = await sharp(file.png).extract({ left: 1754, top: 0, width: 1, height: 4961 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const dark = [...data.filter((_, i) => i % 3 === 0)].findIndex((v) => v > 128);
    expect(Math.abs(dark - 4961 / 4)).toBeLessThanOrEqual(2);
  }, 180_000);

  it("two phone models get two print files of their own template's pixels", async () => {
    const files = await paidOrder("case", ["case-black-iphone-16", "case-black-galaxy-s25"]);
    const iphone = files.get("case-black-iphone-16")!;
    const galaxy = files.get("case-black-galaxy-s25")!;
    expect([iphone.widthPx, iphone.heightPx, iphone.dpi]).toEqual([898, 1795, 300]);
    expect([galaxy.widthPx, galaxy.heightPx, galaxy.dpi]).toEqual([886, 1783, 300]);
    for (const f of [iphone, galaxy]) {
      await runSnapshotRender(t.db, storage, f.id, true);
      const [row] = await t.db.select().from(snapshotRenders).where(eq(snapshotRenders.id, f.id));
      const file = await storedPng(row!.objectKey);
      expect([file.width, file.height, file.dpi]).toEqual([f.widthPx, f.heightPx, 300]);
    }
  }, 120_000);

  it("a canvas's print file can be made at a variant's own size, only for a variant of its product", async () => {
    const { owner, canvasId } = await design("case");
    const { id } = await owner.client.printFile.create.mutate({ canvasId, printAreaId: "case-back", variantId: "case-clear-iphone-16-pro" });
    const [listed] = await owner.client.printFile.list.query({ canvasId });
    expect(listed).toMatchObject({ id, variantId: "case-clear-iphone-16-pro", widthPx: 898, heightPx: 1819, dpi: 300, format: "png", ink: null });
    await runPrintFile(t.db, storage, id);
    const [row] = await t.db.select().from(printFiles).where(eq(printFiles.id, id));
    const file = await storedPng(row!.objectKey);
    expect([file.width, file.height, file.dpi]).toEqual([898, 1819, 300]);
    // Without a variant, or with one that prints at the area's size, the file is the area's own.
    const { id: plain } = await owner.client.printFile.create.mutate({ canvasId, printAreaId: "case-back" });
    expect((await owner.client.printFile.list.query({ canvasId })).find((f) => f.id === plain)).toMatchObject({ variantId: null, widthPx: 898, heightPx: 1890 });
    expect(await errorCode(owner.client.printFile.create.mutate({ canvasId, printAreaId: "case-back", variantId: "poster-white-a3" }))).toBe("NOT_FOUND");
  }, 120_000);
});
