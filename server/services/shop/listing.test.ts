import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { assets, listings, listingVersions, snapshotRenders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { assetSrc } from "@/domain/document/assetSource";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import { readObject, type Storage } from "@/server/storage/storage";
import { rect, shapeRecord, writeShapes } from "@/test/designShapes";
import { publishedTee } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, errorOf, signedUpClient } from "@/test/trpcTestClient";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";

let t: TestDb;
let storage: Storage;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("listing");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

const renderAll = async (versionId: string, kind?: "mockup" | "print") => {
  const rows = await t.db.select().from(snapshotRenders).where(eq(snapshotRenders.versionId, versionId));
  for (const r of rows) if (!kind || r.kind === kind) await runSnapshotRender(t.db, storage, r.id, true);
  return t.db.select().from(snapshotRenders).where(eq(snapshotRenders.versionId, versionId));
};

describe("publishing", () => {
  it("puts a frozen version on a public page: later edits change nothing until published again", async () => {
    const { owner, canvasId, board, id, slug, version } = await publishedTee(t.db, products);
    expect(version).toBe(1);
    expect(slug).toMatch(/^night-owl-tee-[a-z2-9]{6}$/);

    // Anyone, signed out, reads it: the chosen colours and sizes, the price, renders queued.
    const shopper = createTestClient(t.db);
    const listing = await shopper.client.listing.get.query({ slug });
    expect(listing).toMatchObject({ id, title: "Night Owl Tee", price: 2800, currency: "USD", version: 1, product: { id: "tee", kind: "tshirt" }, stockLeft: null });
    expect(listing.variants.map((v) => v.id).sort()).toEqual(["tee-black-l", "tee-black-m", "tee-white-l", "tee-white-m"]);
    // Two colours × the one area with content (the front); the empty back is neither shown nor
    // printed. The colour the design was made on (black) leads, and the page opens on it.
    expect(listing.mockups.map((m) => [m.variantId, m.printAreaId, m.status])).toEqual([
      ["tee-black-m", "tee-front", "queued"],
      ["tee-white-m", "tee-front", "queued"],
    ]);
    expect(listing.featuredColor).toBe(products.find((p) => p.id === "tee")!.variants.find((v) => v.id === "tee-black-m")!.color);

    // The canvas goes on: a blue square over the whole front. The published version does not see it.
    await writeShapes(t.db, canvasId, [rect({ x: 0, y: 0, width: board.width, height: board.height, fill: "#0000ff" })]);
    const [v1] = await t.db.select().from(listingVersions).where(eq(listingVersions.listingId, id));
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, v1!.state);
    expect(orderedShapes(canvasDoc(frozen)).map((s) => s.fill)).toEqual(["#ff0000"]);

    const rendered = await renderAll(v1!.id);
    expect(rendered.every((r) => r.status === "succeeded")).toBe(true);
    const print = rendered.find((r) => r.kind === "print")!;
    expect([print.widthPx, print.heightPx, print.dpi]).toEqual([1800, 2400, 150]);
    const png = await readObject(storage, print.objectKey!, 50_000_000);
    if (png.kind !== "ok") throw new Error("print file missing");
    const { data } = await sharp(png.body).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * 1800 + x) * 4, (y * 1800 + x) * 4 + 4)];
    expect(px(900, 1200)).toEqual([255, 0, 0, 255]); // the frozen red square, not the later blue
    expect(px(100, 100)).toEqual([0, 0, 0, 0]);
    const shown = await shopper.client.listing.get.query({ slug });
    expect(shown.mockups.every((m) => m.url === `/api/listing-renders/${m.id}`)).toBe(true);

    // Publishing again makes version 2 on the same page, at the new price.
    const again = await owner.client.listing.publish.mutate({ canvasId, title: "Night Owl Tee", price: 3200, variantIds: ["tee-black-m"] });
    expect(again).toEqual({ id, slug, version: 2 });
    const v2 = await shopper.client.listing.get.query({ slug });
    expect([v2.version, v2.price, v2.variants.map((v) => v.id)]).toEqual([2, 3200, ["tee-black-m"]]);
  }, 120_000);

  it("is for the owner only, at or above the base price, of a non-empty design; a refusal changes nothing", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const [editor, viewer, stranger] = await Promise.all([signedUpClient(t.db, "Editor"), signedUpClient(t.db, "Viewer"), signedUpClient(t.db, "Stranger")]);
    const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Not yet" });
    for (const [who, role] of [[editor, "editor"], [viewer, "viewer"]] as const) {
      const inv = await owner.client.invite.create.mutate({ canvasId, role });
      await who.client.invite.accept.mutate({ token: inv.token });
    }
    const input = { canvasId, title: "Tee", price: 2000, variantIds: ["tee-black-m"] };
    expect(await errorCode(owner.client.listing.publish.mutate(input))).toBe("BAD_REQUEST"); // no product yet
    await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-black-m" });
    const empty = await errorOf(owner.client.listing.publish.mutate(input));
    expect([empty.data?.code, empty.data?.reason]).toEqual(["BAD_REQUEST", "listing.emptyDesign"]);
    await writeShapes(t.db, canvasId, [rect({})]);
    const cheap = await errorOf(owner.client.listing.publish.mutate({ ...input, price: 1799 }));
    expect([cheap.data?.code, cheap.data?.reason]).toEqual(["BAD_REQUEST", "listing.priceBelowBase"]);
    expect(await errorCode(owner.client.listing.publish.mutate({ ...input, variantIds: ["mug-white-11-oz"] }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.client.listing.publish.mutate({ ...input, variantIds: [] }))).toBe("BAD_REQUEST");
    expect(await errorCode(owner.client.listing.publish.mutate({ ...input, price: 20.5 }))).toBe("BAD_REQUEST");
    expect(await errorCode(owner.client.listing.publish.mutate({ ...input, title: " " }))).toBe("BAD_REQUEST");
    expect(await errorCode(editor.client.listing.publish.mutate(input))).toBe("FORBIDDEN");
    expect(await errorCode(viewer.client.listing.publish.mutate(input))).toBe("FORBIDDEN");
    expect(await errorCode(stranger.client.listing.publish.mutate(input))).toBe("NOT_FOUND");
    expect(await errorCode(createTestClient(t.db).client.listing.publish.mutate(input))).toBe("UNAUTHORIZED");
    // An image still uploading would be sold without its picture: refused until it is ready.
    const [pending] = await t.db.insert(assets).values({ canvasId, status: "pending", fileName: "a.png", contentType: "image/png", declaredSize: 10 }).returning({ id: assets.id });
    await writeShapes(t.db, canvasId, [shapeRecord("uploading", { type: "image", src: assetSrc(pending!.id) })]);
    const notReady = await errorOf(owner.client.listing.publish.mutate(input));
    expect([notReady.data?.code, notReady.data?.reason]).toEqual(["BAD_REQUEST", "listing.imageNotReady"]);
    expect(await t.db.select().from(listings).where(eq(listings.canvasId, canvasId))).toEqual([]);
    expect(await owner.client.listing.ofCanvas.query({ canvasId })).toBeNull();
    expect(await errorCode(editor.client.listing.ofCanvas.query({ canvasId }))).toBe("FORBIDDEN");
  });

  it("unpublishing takes the page down for everyone; only its owner can", async () => {
    const { owner, canvasId, id, slug } = await publishedTee(t.db, products);
    const stranger = await signedUpClient(t.db, "Stranger");
    expect(await errorCode(stranger.client.listing.unpublish.mutate({ id }))).toBe("NOT_FOUND");
    await owner.client.listing.unpublish.mutate({ id });
    expect(await errorCode(createTestClient(t.db).client.listing.get.query({ slug }))).toBe("NOT_FOUND");
    expect(await errorCode(createTestClient(t.db).client.listing.get.query({ slug: "no-such-thing" }))).toBe("NOT_FOUND");
    expect(await owner.client.listing.ofCanvas.query({ canvasId })).toMatchObject({ id, published: false });
    // Publishing again brings the same page back as a new version.
    await owner.client.listing.publish.mutate({ canvasId, title: "Back", price: 2800, variantIds: ["tee-white-l"] });
    expect(await createTestClient(t.db).client.listing.get.query({ slug })).toMatchObject({ title: "Back", version: 2 });
  });
});
