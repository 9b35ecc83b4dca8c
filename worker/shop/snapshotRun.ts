import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listingVersions, orderLines, snapshotRenders } from "@/db/schema";
import { loadSnapshotDesign } from "@/server/services/shop/snapshotDesign";
import { advanceIfPrinted } from "@/server/services/shop/orderProduction";
import { snapshotRenderKey } from "@/server/storage/objectKeys";
import { writeObject, type Storage } from "@/server/storage/storage";
import { renderMockupWebp } from "../mockup/mockupImage";
import { renderPrintPng } from "../print/printPng";

/**
 * Renders one mockup or print file of a published version, from the frozen document and the
 * image copies. An order line's print file, once stored, may complete its order's files, which
 * moves the order into production. A failure is kept on the row; `finalAttempt` false rethrows so
 * the queue tries again.
 */
export async function runSnapshotRender(db: Db, storage: Storage, renderId: string, finalAttempt: boolean): Promise<void> {
  const [row] = await db
    .update(snapshotRenders)
    .set({ status: "running" })
    .where(and(eq(snapshotRenders.id, renderId), inArray(snapshotRenders.status, ["queued", "running"])))
    .returning();
  if (!row) return;
  try {
    const [version] = await db.select({ listingId: listingVersions.listingId }).from(listingVersions).where(eq(listingVersions.id, row.versionId));
    const design = await loadSnapshotDesign(db, row.versionId);
    const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
    if (!version || !design || !area) throw new Error("The published version no longer has this print area.");
    let body: Buffer;
    if (row.kind === "mockup") {
      const variant = design.product.variants.find((v) => v.id === row.variantId);
      if (!variant) throw new Error("The product no longer has this colour.");
      body = await renderMockupWebp(storage, design, area, variant.colorHex);
    } else {
      body = await renderPrintPng(storage, design, area, { width: row.widthPx, height: row.heightPx, dpi: row.dpi! });
    }
    const ext = row.kind === "mockup" ? "webp" : "png";
    const key = snapshotRenderKey(version.listingId, row.versionId, row.id, ext);
    await writeObject(storage, key, body, row.kind === "mockup" ? "image/webp" : "image/png");
    await db.update(snapshotRenders).set({ status: "succeeded", objectKey: key, byteSize: body.length, error: null }).where(eq(snapshotRenders.id, row.id));
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    await db.update(snapshotRenders).set({ status: finalAttempt ? "failed" : "queued", error: message }).where(eq(snapshotRenders.id, row.id));
    if (!finalAttempt) throw e;
    return;
  }
  if (row.orderLineId) {
    const [line] = await db.select({ orderId: orderLines.orderId }).from(orderLines).where(eq(orderLines.id, row.orderLineId));
    if (line) await advanceIfPrinted(db, line.orderId);
  }
}
