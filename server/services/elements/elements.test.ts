import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listingImages, listings, printFiles, snapshotRenders } from "@/db/schema";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { elementSrc } from "@/domain/elements/elementSource";
import { readObject, type Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, errorCode, signedUpClient } from "@/test/trpcTestClient";
import { runPrintFile } from "@/worker/print/printFileRun";
import { runSnapshotRender } from "@/worker/shop/snapshotRun";

let t: TestDb;
let storage: Storage;
let tee: Product;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("elements");
  tee = (await createTestClient(t.db).client.catalog.products.query()).find((p) => p.id === "tee")!;
}, 60_000);
afterAll(() => t.close());

async function rgbaOf(key: string) {
  const stored = await readObject(storage, key, 80_000_000);
  if (stored.kind !== "ok") throw new Error(`${key} is not stored`);
  const { data, info } = await sharp(stored.body).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
  return { data, width: info.width, height: info.height, at };
}

describe("elements.search", () => {
  it("answers signed-in users in their locale, and nobody else", async () => {
    const member = await signedUpClient(t.db, "Searcher");
    const hearts = await member.client.elements.search.query({ query: "heart", limit: 4 });
    expect(hearts[0]).toEqual({ id: "noto-2764", name: "red heart", source: "noto", license: "Apache-2.0", url: "/api/elements/noto-2764.svg", width: 128, height: 128 });
    expect(hearts[1]).toMatchObject({ id: "twemoji-2764", source: "twemoji", license: "CC-BY-4.0" });
    const ko = await member.client.elements.search.query({ query: "하트", locale: "ko", limit: 100 });
    expect(ko.find((e) => e.id === "twemoji-2764")).toMatchObject({ name: "빨간색 하트", license: "CC-BY-4.0" });
    expect(await errorCode(createTestClient(t.db).client.elements.search.query({ query: "heart" }))).toBe("UNAUTHORIZED");
    for (const bad of [{ query: "heart", limit: 0 }, { query: "heart", limit: 101 }, { query: "x".repeat(101) }]) {
      expect(await errorCode(member.client.elements.search.query(bad)), JSON.stringify(bad).slice(0, 40)).toBe("BAD_REQUEST");
    }
  });
});

describe("an element on a product", () => {
  it("prints in the print file where it is placed, publishes without a copy, renders in the snapshot and is credited on the page", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const { id: canvasId } = await owner.client.canvas.create.mutate({ name: "Hearts" });
    await owner.client.canvas.setProduct.mutate({ id: canvasId, productId: "tee", variantId: "tee-white-m" });
    const area = tee.printAreas.find((a) => a.id === "tee-front")!;
    const board = artboardOf(area);
    // Noto's heart over the artboard's top-left quarter, Twemoji's over the bottom-right one.
    const half = { width: board.width / 2, height: board.width / 2 };
    await writeShapes(t.db, canvasId, [
      rect({ type: "image", src: elementSrc("noto-2764"), x: board.x, y: board.y, ...half, fill: "transparent" }),
      rect({ type: "image", src: elementSrc("twemoji-2764"), x: board.x + board.width / 2, y: board.y + board.height - half.height, ...half, fill: "transparent" }),
    ]);

    const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId, printAreaId: area.id });
    await runPrintFile(t.db, storage, fileId);
    const [file] = await t.db.select().from(printFiles).where(eq(printFiles.id, fileId));
    expect(file?.status, file?.error ?? "").toBe("succeeded");
    const print = await rgbaOf(file!.objectKey!);
    const w = print.width;
    const q = w / 2; // the hearts' side in print pixels
    // Each heart's middle is opaque red (Noto #f44336, Twemoji #dd2e44); between them nothing prints.
    const [r1, g1, b1, a1] = print.at(Math.round(q / 2), Math.round(q / 2));
    expect(a1).toBe(255);
    expect(r1! > 200 && g1! < 100 && b1! < 100).toBe(true);
    const [r2, , , a2] = print.at(Math.round(w - q / 2), Math.round(print.height - q / 2));
    expect(a2).toBe(255);
    expect(r2).toBeGreaterThan(180);
    expect(print.at(Math.round(w * 0.75), Math.round(q / 2))[3]).toBe(0);
    let opaque = 0;
    for (let i = 3; i < print.data.length; i += 4) if (print.data[i]! > 128) opaque++;
    expect(opaque / (print.width * print.height)).toBeGreaterThan(0.15);

    const listing = await owner.client.listing.publish.mutate({ canvasId, title: "Two hearts", price: 3000, variantIds: ["tee-white-m"] });
    const page = await createTestClient(t.db).client.listing.get.query({ slug: listing.slug });
    expect(page.credits.map((c) => c.text)).toEqual([
      "Noto Emoji by Google, licensed under the Apache License 2.0",
      "Twemoji graphics by Twitter/X and contributors, CC-BY 4.0",
    ]);
    expect(page.credits.find((c) => c.source === "twemoji")!.url).toBe("https://creativecommons.org/licenses/by/4.0/");
    const [version] = await t.db.select({ id: listings.currentVersionId }).from(listings).where(eq(listings.id, listing.id));
    // Elements are global and immutable: nothing was copied beside the version.
    expect(await t.db.select().from(listingImages).where(eq(listingImages.versionId, version!.id!))).toEqual([]);
    const renders = await t.db.select().from(snapshotRenders).where(eq(snapshotRenders.versionId, version!.id!));
    for (const r of renders) await runSnapshotRender(t.db, storage, r.id, true);
    const done = await t.db.select().from(snapshotRenders).where(eq(snapshotRenders.versionId, version!.id!));
    expect(done.map((r) => [r.kind, r.status, r.error])).toEqual(done.map((r) => [r.kind, "succeeded", null]));
    const snapshotPrint = await rgbaOf(done.find((r) => r.kind === "print")!.objectKey!);
    expect(snapshotPrint.at(Math.round(q / 2), Math.round(q / 2))[3]).toBe(255);
  }, 180_000);
});
