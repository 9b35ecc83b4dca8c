import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, listings } from "@/db/schema";
import { artboardOf } from "@/domain/design/artboard";
import { assetSrc } from "@/domain/document/assetSource";
import { writeObject, type Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { errorOf, signedUpClient } from "@/test/trpcTestClient";

let t: TestDb;
let storage: Storage;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("preflight");
}, 60_000);
afterAll(() => t.close());

/** A ready asset of the canvas: a PNG of `width` × `height`, or an SVG of that intrinsic size. */
async function asset(canvasId: string, width: number, height: number, contentType = "image/png") {
  const key = `assets/${canvasId}/${width}x${height}.${contentType === "image/png" ? "png" : "svg"}`;
  const body =
    contentType === "image/png"
      ? await sharp({ create: { width, height, channels: 4, background: "#3355ff" } }).png().toBuffer()
      : Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="M0 0h${width}v${height}H0z" fill="#3355ff"/></svg>`);
  await writeObject(storage, key, body, contentType);
  const [row] = await t.db
    .insert(assets)
    .values({ canvasId, status: "ready", fileName: key, contentType, declaredSize: body.length, width, height, objectKey: key })
    .returning({ id: assets.id });
  return assetSrc(row!.id);
}

describe("publishing a design that would print badly", () => {
  it("is refused, naming each problem, until the owner confirms exactly those; warnings never stop it", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Soft tee" });
    await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-black-m" });
    const board = artboardOf({ widthMm: 304.8, heightMm: 406.4 });
    // 600 px over 600 units (203 mm, 8 in) of the front: 75 DPI against the tee's 150.
    const soft = rect({ type: "image", name: "Soft photo", src: await asset(canvasId, 600, 600), x: 150, y: 150, width: 600, height: 600, area: "tee-front" });
    const cut = rect({ name: "Stripe", x: board.width - 50, y: 900, width: 200, height: 40, area: "tee-front" });
    // Near the edge, inside the area: a warning only.
    const near = rect({ name: "Dot", x: 4, y: 1000, width: 20, height: 20, area: "tee-front" });
    await writeShapes(t.db, canvasId, [soft, cut, near]);
    const input = { canvasId, title: "Soft tee", price: 2400, variantIds: ["tee-black-m"] };

    const refused = await errorOf(owner.client.listing.publish.mutate(input));
    expect([refused.data?.code, refused.data?.reason]).toEqual(["BAD_REQUEST", "listing.preflightUnconfirmed"]);
    expect(refused.message).toContain("“Soft photo” prints at 75 DPI on Front, below the product's 150 DPI");
    expect(refused.message).toContain("“Stripe” lies partly outside Front");
    expect(refused.message).not.toContain("Dot");
    const codes = [`lowDpi:tee-front:${soft.id}`, `outside:tee-front:${cut.id}`];
    expect(refused.message).toContain(JSON.stringify(codes[0]));

    // Confirming one of the two is not enough; nothing was written by either refusal.
    const half = await errorOf(owner.client.listing.publish.mutate({ ...input, confirmPreflight: [codes[0]!] }));
    expect(half.data?.reason).toBe("listing.preflightUnconfirmed");
    expect(half.message).toContain("Stripe");
    expect(half.message).not.toContain("Soft photo");
    expect(await t.db.select().from(listings).where(eq(listings.canvasId, canvasId))).toEqual([]);

    const published = await owner.client.listing.publish.mutate({ ...input, confirmPreflight: codes });
    expect(published.version).toBe(1);

    // Another image below the DPI is a new problem: the earlier confirmation does not cover it.
    const tiny = rect({ type: "image", name: "Preview", src: await asset(canvasId, 64, 64), x: 200, y: 800, width: 300, height: 300, area: "tee-front" });
    await writeShapes(t.db, canvasId, [tiny]);
    const again = await errorOf(owner.client.listing.publish.mutate({ ...input, confirmPreflight: codes }));
    expect(again.message).toContain("“Preview” is a 64 × 64 px preview from the bundled model");
    expect(again.message).not.toContain("Soft photo");
  }, 60_000);

  it("asks nothing of a vector, however large it is printed", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Vector tee" });
    await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-black-m" });
    // A 128-unit SVG over most of the front: as a PNG that would be 17 DPI.
    await writeShapes(t.db, canvasId, [rect({ type: "image", src: await asset(canvasId, 128, 128, "image/svg+xml"), x: 100, y: 150, width: 700, height: 700, area: "tee-front" })]);
    const published = await owner.client.listing.publish.mutate({ canvasId, title: "Vector tee", price: 2400, variantIds: ["tee-black-m"] });
    expect(published.version).toBe(1);
  }, 60_000);
});
