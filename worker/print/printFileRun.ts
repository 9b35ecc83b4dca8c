import type { Db } from "@/db/client";
import { printFiles } from "@/db/schema";
import { loadDesign } from "@/server/services/print/designSource";
import { printFileKey } from "@/server/storage/objectKeys";
import type { Storage } from "@/server/storage/storage";
import { RenderRefused, runRender, type RenderKind } from "../render/renderRunner";
import { renderPrintPng } from "./printPng";

/** A print file: the print area's artboard from the canvas's stored document at full print resolution, with its DPI. */
export const printFileRender = (db: Db, storage: Storage): RenderKind<typeof printFiles.$inferSelect> => ({
  table: printFiles,
  async render(row) {
    const design = await loadDesign(db, row.canvasId);
    const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
    if (!design || !area) throw new RenderRefused("The canvas no longer designs a product with this print area.");
    const body = await renderPrintPng(storage, design, area, { width: row.widthPx, height: row.heightPx, dpi: row.dpi });
    return { body, contentType: "image/png", key: printFileKey(row.canvasId, row.id) };
  },
});

/** Renders one queued print file through the render runner; one whose canvas was deleted is gone with it. */
export const runPrintFile = (db: Db, storage: Storage, printFileId: string, finalAttempt = true) =>
  runRender(db, storage, printFileRender(db, storage), printFileId, finalAttempt);
