import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf } from "@/domain/design/artboard";
import { assetSrc } from "@/domain/document/assetSource";
import type { Storage } from "@/server/storage/storage";
import { rect, writeShapes } from "@/test/designShapes";
import { createTestDb, type TestDb } from "@/test/testDb";
import { freshBucket } from "@/test/testStorage";
import { createTestClient, signedUpClient } from "@/test/trpcTestClient";
import { readObject } from "@/server/storage/storage";
import { runPrintFile } from "./printFileRun";

let t: TestDb;
let storage: Storage;
let tee: Product;

beforeAll(async () => {
  t = await createTestDb();
  storage = await freshBucket("vector-print");
  tee = (await createTestClient(t.db).client.catalog.products.query()).find((p) => p.id === "tee")!;
}, 60_000);
afterAll(() => t.close());

/** A red disc on nothing, 64 units across: the same art as an SVG and as a 64 px PNG. */
const DISC_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#e0201c"/></svg>';

async function uploaded(owner: Awaited<ReturnType<typeof signedUpClient>>, canvasId: string, body: Buffer, contentType: "image/svg+xml" | "image/png") {
  const created = await owner.client.asset.createUpload.mutate({ canvasId, contentType, size: body.length, fileName: "disc" });
  expect((await fetch(created.uploadUrl, { method: created.method, headers: created.headers, body: new Uint8Array(body) })).status).toBe(200);
  return owner.client.asset.completeUpload.mutate({ assetId: created.assetId });
}

/** Pixels across the disc's left edge (alpha from ≤ 10 % to ≥ 90 %) along the middle row. */
function edgeWidth(alpha: Uint8Array, width: number, row: number): number {
  const line = alpha.subarray(row * width, (row + 1) * width);
  const first = line.findIndex((a) => a > 25);
  const opaque = line.findIndex((a) => a >= 230);
  return opaque - first + 1;
}

async function printedAlpha(canvasId: string, owner: Awaited<ReturnType<typeof signedUpClient>>) {
  const { id: fileId } = await owner.client.printFile.create.mutate({ canvasId, printAreaId: "tee-front" });
  await runPrintFile(t.db, storage, fileId);
  const row = await t.db.query.printFiles.findFirst({ where: (f, { eq }) => eq(f.id, fileId) });
  expect(row?.status, row?.error ?? "").toBe("succeeded");
  const stored = await readObject(storage, row!.objectKey!, 50_000_000);
  if (stored.kind !== "ok") throw new Error("the print file is not stored");
  const { data, info } = await sharp(stored.body).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true });
  return { alpha: new Uint8Array(data), width: info.width, height: info.height };
}

describe("a vector image in a print file", () => {
  it("prints at the tee's 1800 × 2400 with edges as crisp as the print's pixels, where the same art as a bitmap prints soft", async () => {
    const owner = await signedUpClient(t.db, "Owner");
    const board = artboardOf(tee.printAreas.find((a) => a.id === "tee-front")!);
    const results: Record<string, { edge: number; width: number; height: number }> = {};
    for (const [kind, body] of [
      ["svg", Buffer.from(DISC_SVG)],
      ["png", await sharp(Buffer.from(DISC_SVG)).resize(64, 64).png().toBuffer()],
    ] as const) {
      const { id } = await owner.client.canvas.create.mutate({ name: `Disc ${kind}` });
      await owner.client.canvas.setProduct.mutate({ id, productId: tee.id, variantId: tee.variants[0]!.id });
      const asset = await uploaded(owner, id, body, kind === "svg" ? "image/svg+xml" : "image/png");
      expect(asset.contentType).toBe(kind === "svg" ? "image/svg+xml" : "image/png");
      const side = board.width;
      await writeShapes(t.db, id, [rect({ type: "image", src: assetSrc(asset.id), x: board.x, y: board.y, width: side, height: side, fill: "#000000" })]);
      const print = await printedAlpha(id, owner);
      results[kind] = { edge: edgeWidth(print.alpha, print.width, Math.round(print.width / 2)), width: print.width, height: print.height };
    }
    expect(results.svg).toMatchObject({ width: 1800, height: 2400 });
    // 64 source pixels over 1800 print pixels: each one is 28 print pixels wide, and so is a bitmap's edge.
    expect(results.svg!.edge).toBeLessThanOrEqual(3);
    expect(results.png!.edge).toBeGreaterThan(10);
  }, 120_000);
});
