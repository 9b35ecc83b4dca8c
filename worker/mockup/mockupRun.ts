import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mockupRenders } from "@/db/schema";
import { loadDesign } from "@/server/services/print/designSource";
import { mockupKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { renderMockupWebp } from "./mockupImage";

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
      const webp = await renderMockupWebp(storage, design, area, variant.colorHex);
      const key = mockupKey(row.canvasId, row.id);
      await writeObject(storage, key, webp, "image/webp");
      await db.update(mockupRenders).set({ status: "succeeded", objectKey: key, error: null }).where(eq(mockupRenders.id, row.id));
    } catch (e) {
      await db.update(mockupRenders).set({ status: "failed", error: (e instanceof Error ? e.message : String(e)).slice(0, 500) }).where(eq(mockupRenders.id, row.id));
    }
  }
}
