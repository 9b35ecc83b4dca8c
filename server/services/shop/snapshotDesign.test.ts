import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, listingImages, listings, snapshotRenders } from "@/db/schema";
import { deleteObject, writeObject, type Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { signedUpClient } from "@/test/trpcTestClient";
import { renderPrintPng } from "@/worker/print/printPng";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";
import { loadSnapshotDesign } from "./snapshotDesign";

let t: TestDb;
let storage: Storage;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("snapshot");
}, 60_000);
afterAll(() => t.close());

/** A tee listing whose front is one green picture, filling the print area. */
async function publishedPicture() {
  const owner = await signedUpClient(t.db, "Seller");
  const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Picture tee" });
  await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-black-m" });
  const key = `assets/${canvasId}/green.png`;
  await writeObject(storage, key, await sharp({ create: { width: 64, height: 64, channels: 4, background: "#00ff00" } }).png().toBuffer(), "image/png");
  const [asset] = await t.db
    .insert(assets)
    .values({ canvasId, status: "ready", fileName: "green.png", contentType: "image/png", declaredSize: 1, width: 64, height: 64, objectKey: key })
    .returning({ id: assets.id });
  const picture = rect({ type: "image", src: `/api/assets/${asset!.id}`, width: 1200, height: 1200, area: "tee-front" });
  await writeShapes(t.db, canvasId, [picture]);
  // The 64 px picture over the whole front is far below print resolution: the owner confirms it.
  const { id } = await owner.client.listing.publish.mutate({ canvasId, title: "Picture Tee", price: 3000, variantIds: ["tee-black-m", "tee-white-m"], confirmPreflight: [`bundled:tee-front:${picture.id}`, `outside:tee-front:${picture.id}`] });
  const [listing] = await t.db.select({ versionId: listings.currentVersionId }).from(listings).where(eq(listings.id, id));
  return { versionId: listing!.versionId! };
}

describe("a sold design", () => {
  it("prints its pictures, and refuses to print without one rather than leave it out", async () => {
    const { versionId } = await publishedPicture();
    const design = (await loadSnapshotDesign(t.db, versionId))!;
    const front = design.product.printAreas.find((a) => a.id === "tee-front")!;
    const png = await renderPrintPng(storage, design, front, { width: 90, height: 120, dpi: 150 });
    const { data } = await sharp(png).extract({ left: 45, top: 60, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual([0, 255, 0, 255]);

    // The publish-time copy of the picture is gone: the print file and the mockups fail, saying why.
    const [copy] = await t.db.select().from(listingImages).where(eq(listingImages.versionId, versionId));
    await deleteObject(storage, copy!.objectKey);
    await expect(renderPrintPng(storage, design, front, { width: 90, height: 120, dpi: 150 })).rejects.toThrow(/picture .* is missing/);
    const [mockup] = await t.db
      .select({ id: snapshotRenders.id })
      .from(snapshotRenders)
      .where(and(eq(snapshotRenders.versionId, versionId), eq(snapshotRenders.kind, "mockup"), eq(snapshotRenders.printAreaId, "tee-front")));
    await runSnapshotRender(t.db, storage, mockup!.id, true);
    const [row] = await t.db.select({ status: snapshotRenders.status, error: snapshotRenders.error }).from(snapshotRenders).where(eq(snapshotRenders.id, mockup!.id));
    expect(row).toMatchObject({ status: "failed", error: expect.stringMatching(/picture .* is missing/) });
  });
});
