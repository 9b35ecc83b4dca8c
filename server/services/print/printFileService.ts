import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { printFiles } from "@/db/schema";
import { printPixels } from "@/domain/catalog/catalog";
import { OPEN_RENDER_STATUSES, type RenderStatus } from "@/domain/render/renderStatus";
import { AppError } from "../../errors";
import { RENDER_MAX_ATTEMPTS } from "../../jobs/definitions";
import { enqueue } from "../../jobs/enqueue";
import type { CanvasAccess } from "../canvas/access";
import { requirePrintArea } from "../catalog/catalogService";

export const PRINT_FILE_ROUTE = "/api/print-files";

/** The largest print the renderer takes on (the catalog's largest, an A2 poster, is 34.8 MP). */
export const MAX_PRINT_PIXELS = 40_000_000;

/** Renders waiting or running on one canvas at a time: each holds the worker for seconds. */
const MAX_OPEN_PER_CANVAS = 6;

export type PrintFileView = {
  id: string;
  status: RenderStatus;
  printAreaId: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  url: string | null;
  byteSize: number | null;
  error: string | null;
  createdAt: Date;
};

/**
 * Queues a print-resolution render of one of the canvas's print areas: the row and its job commit
 * together. The area must belong to the canvas's product.
 */
export async function createPrintFile(db: Db, access: CanvasAccess, input: { printAreaId: string }): Promise<{ id: string }> {
  const { area } = await requirePrintArea(db, access.canvas.productId, input.printAreaId);
  const { width, height } = printPixels(area);
  if (width * height > MAX_PRINT_PIXELS) {
    throw new AppError("BAD_REQUEST", "print.tooLarge", `A ${width} × ${height} px print file is more than the renderer's limit of ${MAX_PRINT_PIXELS / 1e6} megapixels.`);
  }
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(printFiles)
      .where(and(eq(printFiles.canvasId, access.canvas.id), inArray(printFiles.status, OPEN_RENDER_STATUSES)));
    if ((open?.n ?? 0) >= MAX_OPEN_PER_CANVAS) {
      throw new AppError("TOO_MANY_REQUESTS", "print.tooManyOpen", `This canvas already has ${MAX_OPEN_PER_CANVAS} print files rendering. Let them finish first.`);
    }
    const [row] = await tx
      .insert(printFiles)
      .values({ canvasId: access.canvas.id, printAreaId: area.id, requestedBy: access.userId, widthPx: width, heightPx: height, dpi: area.dpi })
      .returning({ id: printFiles.id });
    await enqueue(tx, "renderPrintFile", { printFileId: row!.id }, { maxAttempts: RENDER_MAX_ATTEMPTS });
    return { id: row!.id };
  });
}

export async function listPrintFiles(db: DbOrTx, access: CanvasAccess): Promise<PrintFileView[]> {
  const rows = await db.select().from(printFiles).where(eq(printFiles.canvasId, access.canvas.id)).orderBy(desc(printFiles.createdAt)).limit(50);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    printAreaId: r.printAreaId,
    widthPx: r.widthPx,
    heightPx: r.heightPx,
    dpi: r.dpi,
    url: r.status === "succeeded" && r.objectKey ? `${PRINT_FILE_ROUTE}/${r.id}` : null,
    byteSize: r.byteSize,
    error: r.error,
    createdAt: r.createdAt,
  }));
}

/** The stored PNG of a finished print file, for the download route. */
export async function findServablePrintFile(db: DbOrTx, id: string): Promise<{ canvasId: string; key: string; printAreaId: string } | null> {
  const [row] = await db.select().from(printFiles).where(and(eq(printFiles.id, id), eq(printFiles.status, "succeeded")));
  return row?.objectKey ? { canvasId: row.canvasId, key: row.objectKey, printAreaId: row.printAreaId } : null;
}
