import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { printFiles } from "@/db/schema";
import { loadDesign } from "@/server/services/print/designSource";
import { printFileKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { renderPrintPng } from "./printPng";

/**
 * Renders one queued print file: the print area's artboard from the stored document at full
 * print resolution, encoded with its DPI, stored in S3. A print file whose canvas was deleted is
 * gone with it (nothing to do); one that cannot be rendered ends `failed` with the reason.
 */
export async function runPrintFile(db: Db, storage: Storage, printFileId: string): Promise<void> {
  const [row] = await db
    .update(printFiles)
    .set({ status: "running", error: null })
    .where(and(eq(printFiles.id, printFileId), inArray(printFiles.status, ["queued", "running"])))
    .returning();
  if (!row) return;
  try {
    const design = await loadDesign(db, row.canvasId);
    const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
    if (!design || !area) throw new Error("The canvas no longer designs a product with this print area.");
    const png = await renderPrintPng(storage, design, area, { width: row.widthPx, height: row.heightPx, dpi: row.dpi });
    const key = printFileKey(row.canvasId, row.id);
    await writeObject(storage, key, png, "image/png");
    await db.update(printFiles).set({ status: "succeeded", objectKey: key, byteSize: png.length }).where(eq(printFiles.id, row.id));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.update(printFiles).set({ status: "failed", error: message.slice(0, 500) }).where(eq(printFiles.id, row.id));
  }
}
