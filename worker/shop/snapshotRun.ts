import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listingVersions, orderLines, snapshotRenders } from "@/db/schema";
import { advanceIfPrinted } from "@/server/services/shop/orderProduction";
import { loadSnapshotDesign } from "@/server/services/shop/snapshotDesign";
import { snapshotRenderKey } from "@/server/storage/objectKeys";
import type { Storage } from "@/server/storage/storage";
import { renderMockupWebp } from "../mockup/mockupImage";
import { renderPrintWithSeparations } from "../print/printWithSeparations";
import { RenderRefused, runRender, type RenderKind } from "../render/renderRunner";

/**
 * A published version's mockup or print file, from the frozen document and the image copies. An
 * order line's print file, once stored, may complete its order's files, which moves the order
 * into production.
 */
export const snapshotRender = (db: Db, storage: Storage): RenderKind<typeof snapshotRenders.$inferSelect> => ({
  table: snapshotRenders,
  async render(row) {
    const [version] = await db.select({ listingId: listingVersions.listingId }).from(listingVersions).where(eq(listingVersions.id, row.versionId));
    const design = await loadSnapshotDesign(db, row.versionId);
    const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
    if (!version || !design || !area) throw new RenderRefused("The published version no longer has this print area.");
    if (row.kind === "mockup") {
      const variant = design.product.variants.find((v) => v.id === row.variantId);
      if (!variant) throw new RenderRefused("The product no longer has this colour.");
      const body = await renderMockupWebp(storage, design, area, variant.colorHex);
      return { body, contentType: "image/webp", key: snapshotRenderKey(version.listingId, row.versionId, row.id, "webp") };
    }
    const key = snapshotRenderKey(version.listingId, row.versionId, row.id, "png");
    const body = await renderPrintWithSeparations(db, storage, design, area, { width: row.widthPx, height: row.heightPx, dpi: row.dpi! }, { snapshotRenderId: row.id, key });
    return { body, contentType: "image/png", key };
  },
  async afterStored(row) {
    if (!row.orderLineId) return;
    const [line] = await db.select({ orderId: orderLines.orderId }).from(orderLines).where(eq(orderLines.id, row.orderLineId));
    if (line) await advanceIfPrinted(db, line.orderId);
  },
});

/** Renders one snapshot render through the render runner. */
export const runSnapshotRender = (db: Db, storage: Storage, renderId: string, finalAttempt = true) =>
  runRender(db, storage, snapshotRender(db, storage), renderId, finalAttempt);
