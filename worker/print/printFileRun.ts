import type { Db } from "@/db/client";
import { printFiles } from "@/db/schema";
import { loadDesign } from "@/server/services/print/designSource";
import { printFileKey } from "@/server/storage/objectKeys";
import type { Storage } from "@/server/storage/storage";
import { RenderRefused, runRender, type RenderKind } from "../render/renderRunner";
import { renderPrintWithSeparations } from "./printWithSeparations";

/**
 * A print file: the print area's artboard from the canvas's stored document at full print
 * resolution (a variant's own size where the row has one), with its DPI, and its screen-print
 * separations when the design is all spot colour.
 */
export const printFileRender = (db: Db, storage: Storage): RenderKind<typeof printFiles.$inferSelect> => ({
  table: printFiles,
  async render(row) {
    const design = await loadDesign(db, row.canvasId);
    const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
    if (!design || !area) throw new RenderRefused("The canvas no longer designs a product with this print area.");
    const key = printFileKey(row.canvasId, row.id);
    const body = await renderPrintWithSeparations(db, storage, design, area, { width: row.widthPx, height: row.heightPx, dpi: row.dpi }, { printFileId: row.id, key });
    return { body, contentType: "image/png", key };
  },
});

/** Renders one queued print file through the render runner; one whose canvas was deleted is gone with it. */
export const runPrintFile = (db: Db, storage: Storage, printFileId: string, finalAttempt = true) =>
  runRender(db, storage, printFileRender(db, storage), printFileId, finalAttempt);
