import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, orderLines, snapshotRenders, users } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { assetSrc } from "@/domain/document/assetSource";
import { handleListingRenderRequest } from "@/server/http/listingRenderHandler";
import { handlePrintFileRequest } from "@/server/http/printFileHandler";
import { writeObject, type Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { address } from "@/test/shopFixtures";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, signedUpClient, TEST_APP_URL } from "@/test/trpcTestClient";
import { pngDpi } from "@/worker/print/encodePrint";
import { runPrintFile } from "@/worker/print/printFileRun";
import { layoutMarks } from "@/worker/print/registrationMarks";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";
import { moveOrder } from "../shop/orderTransitions";
import { setShopAdmin } from "../shop/shopAdmin";

type Person = Awaited<ReturnType<typeof signedUpClient>>;

let t: TestDb;
let storage: Storage;
let products: Product[];

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("separations");
  products = await createTestClient(t.db).client.catalog.products.query();
}, 60_000);
afterAll(() => t.close());

const RED = "#e53935";
const BLUE = "#1e3a8a";
/** Two spot colours: a red bar down the left half, a blue disc on the right. */
const TWO_INKS = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><rect x="0" y="0" width="100" height="200" fill="${RED}"/><circle cx="150" cy="100" r="40" fill="${BLUE}"/></svg>`;

async function teeCanvas() {
  const owner = await signedUpClient(t.db, "Printer");
  const { id } = await owner.client.canvas.create.mutate({ name: "Screen print" });
  await owner.client.canvas.setProduct.mutate({ id, productId: "tee", variantId: "tee-white-m" });
  return { id, owner };
}

/** A ready asset of the canvas holding these bytes, stored as the asset pipeline stores one. */
async function storedAsset(canvasId: string, body: Buffer, contentType: string, size: { width: number; height: number }) {
  const key = `assets/${canvasId}/${crypto.randomUUID()}.${contentType === "image/svg+xml" ? "svg" : "png"}`;
  await writeObject(storage, key, body, contentType);
  const [row] = await t.db
    .insert(assets)
    .values({ canvasId, status: "ready", fileName: "art", contentType, declaredSize: body.length, byteSize: body.length, ...size, objectKey: key })
    .returning({ id: assets.id });
  return row!.id;
}

async function download(who: Person, url: string): Promise<Buffer> {
  const cookie = [...who.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await handlePrintFileRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie } }), url.split("/").pop()!);
  expect(res.status, url).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** A film's one channel, and how many channels the PNG itself holds. */
async function film(png: Buffer) {
  const meta = await sharp(png).metadata();
  const { data } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { meta, data, at: (x: number, y: number) => data[y * meta.width! + x]! };
}

describe("screen-print separations", () => {
  it("come with a two-ink vector design's tee print file: one greyscale film per ink, registered, covering that ink's pixels", async () => {
    const { id, owner } = await teeCanvas();
    const board = artboardOf(products.find((p) => p.id === "tee")!.printAreas[0]!);
    const svg = await storedAsset(id, Buffer.from(TWO_INKS), "image/svg+xml", { width: 200, height: 200 });
    // 2 print pixels a world unit: the art spans pixels 200–1000 across and down.
    await writeShapes(t.db, id, [rect({ type: "image", src: assetSrc(svg), x: 100, y: 100, width: 400, height: 400, fill: "", strokeWidth: 0 })]);
    expect(board.width).toBeCloseTo(900, 6);
    const inks = await owner.client.printFile.inks.query({ canvasId: id });
    expect([inks.kind, inks.inks?.toSorted(), inks.maxInks]).toEqual(["spot", [BLUE, RED], 6]);

    const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "tee-front" });
    await runPrintFile(t.db, storage, fileId);
    const rows = await owner.client.printFile.list.query({ canvasId: id });
    expect(rows.map((r) => [r.id === fileId, r.format, r.ink, r.status, r.printAreaId, r.widthPx, r.heightPx, r.dpi])).toEqual([
      [true, "png", null, "succeeded", "tee-front", 1800, 2400, 150],
      [false, "png", RED, "succeeded", "tee-front", 1800, 2400, 150],
      [false, "png", BLUE, "succeeded", "tee-front", 1800, 2400, 150],
    ]);

    const composite = await sharp(await download(owner, rows[0]!.url!)).metadata();
    const [red, blue] = await Promise.all(rows.slice(1).map(async (r) => ({ png: await download(owner, r.url!) })).map(async (p) => {
      const { png } = await p;
      return { dpi: pngDpi(png), ...(await film(png)) };
    }));
    for (const f of [red!, blue!]) expect([f.meta.width, f.meta.height, f.meta.channels, f.dpi]).toEqual([composite.width, composite.height, 1, 150]);
    // Each ink's pixels are black on its own film and bare on the other; nothing prints off the art.
    expect([red!.at(400, 600), blue!.at(400, 600)]).toEqual([0, 255]);
    expect([red!.at(800, 600), blue!.at(800, 600)]).toEqual([255, 0]);
    expect([red!.at(1500, 1800), blue!.at(1500, 1800)]).toEqual([255, 255]);
    // The disc's anti-aliased rim keeps partial coverage.
    const rim = [...Array(40).keys()].map((i) => blue!.at(655 + i, 700));
    expect(rim.some((v) => v > 0 && v < 255)).toBe(true);

    // The same crosshair-in-circle marks on both films, off the art.
    const marks = layoutMarks(1800, 2400, 150, (x0, y0, x1, y1) => x1 < 200 || y1 < 200 || x0 > 1000 || y0 > 1000);
    expect(marks.sites.length).toBeGreaterThanOrEqual(4);
    for (const s of marks.sites) {
      expect([red!.at(s.x, s.y), red!.at(s.x + marks.radius, s.y), red!.at(s.x + 6, s.y + 6)], `${s.x},${s.y}`).toEqual([0, 0, 255]);
      expect([blue!.at(s.x, s.y), blue!.at(s.x, s.y - marks.radius), blue!.at(s.x + 6, s.y + 6)], `${s.x},${s.y}`).toEqual([0, 0, 255]);
    }
  }, 120_000);

  it("are not made for a design with a raster image, which is full colour", async () => {
    const { id, owner } = await teeCanvas();
    const png = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 200, g: 30, b: 40, alpha: 1 } } }).png().toBuffer();
    const raster = await storedAsset(id, png, "image/png", { width: 64, height: 64 });
    await writeShapes(t.db, id, [rect({ fill: BLUE, x: 0, y: 0 }), rect({ type: "image", src: assetSrc(raster), x: 300, y: 300, width: 200, height: 200, fill: "", strokeWidth: 0 })]);
    expect(await owner.client.printFile.inks.query({ canvasId: id })).toMatchObject({ kind: "fullColor", reason: "raster", inks: null });
    const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId: id, printAreaId: "tee-front" });
    await runPrintFile(t.db, storage, fileId);
    const rows = await owner.client.printFile.list.query({ canvasId: id });
    expect(rows.map((r) => [r.status, r.format, r.ink])).toEqual([["succeeded", "png", null]]);
  }, 120_000);

  it("count shapes' and text's solid colours, and call a blend or more than six inks full colour", async () => {
    const { id, owner } = await teeCanvas();
    const colours = ["#111111", "#222222", "#333333", "#444444", "#555555", "#666666"];
    await writeShapes(t.db, id, colours.map((fill, i) => rect({ fill, x: i * 20 })));
    expect(await owner.client.printFile.inks.query({ canvasId: id })).toMatchObject({ kind: "spot", inks: colours });
    await writeShapes(t.db, id, [rect({ type: "text", text: "Hi", fill: "#777777", fontSize: 40, x: 0, y: 300 })]);
    expect(await owner.client.printFile.inks.query({ canvasId: id })).toMatchObject({ kind: "fullColor", reason: "tooMany" });
    const other = await teeCanvas();
    await writeShapes(t.db, other.id, [rect({ fill: "#111111", opacity: 0.5 })]);
    expect(await other.owner.client.printFile.inks.query({ canvasId: other.id })).toMatchObject({ kind: "fullColor", reason: "blend" });
  }, 60_000);

  it("come with an order's print file, for shop admins to download beside it", async () => {
    const { id, owner } = await teeCanvas();
    const svg = await storedAsset(id, Buffer.from(TWO_INKS), "image/svg+xml", { width: 200, height: 200 });
    await writeShapes(t.db, id, [rect({ type: "image", src: assetSrc(svg), x: 100, y: 100, width: 400, height: 400, fill: "", strokeWidth: 0 })]);
    const listing = await owner.client.listing.publish.mutate({ canvasId: id, title: "Two-ink tee", price: 2800, variantIds: ["tee-white-m"] });
    const shopper = createTestClient(t.db);
    await shopper.client.cart.add.mutate({ listingId: listing.id, variantId: "tee-white-m", quantity: 1 });
    const { orderId } = await shopper.client.checkout.create.mutate({ idempotencyKey: randomUUID(), email: "buyer@example.com", shippingAddress: address });
    await t.db.transaction((tx) => moveOrder(tx, orderId, "paid", "provider:test"));
    const lines = await t.db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, orderId));
    const [print] = await t.db.select({ id: snapshotRenders.id }).from(snapshotRenders).where(and(eq(snapshotRenders.kind, "print"), inArray(snapshotRenders.orderLineId, lines.map((l) => l.id))));
    await runSnapshotRender(t.db, storage, print!.id, true);

    const admin = await signedUpClient(t.db, "Admin");
    await t.db.update(users).set({ emailVerified: true }).where(eq(users.id, admin.user.id));
    await setShopAdmin(t.db, admin.email, true);
    const file = (await admin.client.order.get.query({ id: orderId })).lines[0]!.printFiles[0]!;
    expect(file.separations.map((s) => s.ink)).toEqual([RED, BLUE]);
    const fetchAs = (jar: Map<string, string>, url: string) =>
      handleListingRenderRequest(t.db, storage.s3, storage.bucket, new Request(`${TEST_APP_URL}${url}`, { headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } }), url.split("/").pop()!);
    const res = await fetchAs(admin.jar, file.separations[1]!.url);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*tee-front-ink-1e3a8a.*\.png"/);
    const blue = await film(Buffer.from(await res.arrayBuffer()));
    expect([blue.meta.width, blue.meta.height, blue.meta.channels, blue.at(800, 600), blue.at(400, 600)]).toEqual([1800, 2400, 1, 0, 255]);
    expect((await fetchAs(owner.jar, file.separations[1]!.url)).status).toBe(404);
  }, 120_000);
});
