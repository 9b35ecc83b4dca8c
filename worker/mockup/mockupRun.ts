import { createCanvas } from "@napi-rs/canvas";
import { and, asc, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { mockupRenders } from "@/db/schema";
import { printPixelsIn, renderMockup, type AnyCanvas } from "@/domain/mockup/renderMockup";
import { loadDesign } from "@/server/services/print/designSource";
import { MOCKUP_SIZE } from "@/server/services/mockup/mockupService";
import { mockupKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { renderArea } from "../print/renderArea";

const make = (w: number, h: number) => createCanvas(w, h) as unknown as AnyCanvas;

/**
 * Renders every mockup of a set, one after another, each row marked as it finishes so that
 * everyone sees the set's progress. A row that fails says why; the others go on.
 */
export async function runMockups(db: Db, storage: Storage, batchId: string): Promise<void> {
  const rows = await db
    .select()
    .from(mockupRenders)
    .where(and(eq(mockupRenders.batchId, batchId), inArray(mockupRenders.status, ["queued", "running"])))
    .orderBy(asc(mockupRenders.createdAt), asc(mockupRenders.id));
  if (!rows.length) return;
  const design = await loadDesign(db, rows[0]!.canvasId);
  for (const row of rows) {
    await db.update(mockupRenders).set({ status: "running" }).where(eq(mockupRenders.id, row.id));
    try {
      const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
      const variant = design?.product.variants.find((v) => v.id === row.variantId);
      if (!design || !area || !variant) throw new Error("The canvas no longer designs this product.");
      const aspect = area.widthMm / area.heightMm;
      const want = printPixelsIn({ kind: design.product.kind, areaName: area.name, aspect, size: MOCKUP_SIZE });
      const art = await renderArea(db, storage, design, area, { width: want.width, height: Math.round(want.width / aspect), background: null });
      const print = art.getContext("2d").getImageData(0, 0, art.width, art.height);
      const out = createCanvas(MOCKUP_SIZE, MOCKUP_SIZE);
      renderMockup({ kind: design.product.kind, areaName: area.name, aspect, colorHex: variant.colorHex, print: { data: print.data, width: art.width, height: art.height }, size: MOCKUP_SIZE }, make, out as unknown as AnyCanvas);
      const rgba = out.getContext("2d").getImageData(0, 0, MOCKUP_SIZE, MOCKUP_SIZE).data;
      const webp = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width: MOCKUP_SIZE, height: MOCKUP_SIZE, channels: 4 } }).webp({ quality: 90 }).toBuffer();
      const key = mockupKey(row.canvasId, row.id);
      await writeObject(storage, key, webp, "image/webp");
      await db.update(mockupRenders).set({ status: "succeeded", objectKey: key, error: null }).where(eq(mockupRenders.id, row.id));
    } catch (e) {
      await db.update(mockupRenders).set({ status: "failed", error: (e instanceof Error ? e.message : String(e)).slice(0, 500) }).where(eq(mockupRenders.id, row.id));
    }
  }
}
