import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { printFiles, printSeparations } from "@/db/schema";
import { printPixels } from "@/domain/catalog/catalog";
import { variantArea } from "@/domain/catalog/variantArea";
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
  /** The variant whose own size the file has; null for the print area's own size. */
  variantId: string | null;
  format: "png";
  /** A screen-print separation's ink ("#rrggbb"); null for the composite print file. */
  ink: string | null;
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
 * together. The area must belong to the canvas's product; with a variant of that product, the
 * file has that variant's own print size where it has one.
 */
export async function createPrintFile(db: Db, access: CanvasAccess, input: { printAreaId: string; variantId?: string }): Promise<{ id: string }> {
  const { product, area: productArea } = await requirePrintArea(db, access.canvas.productId, input.printAreaId);
  if (input.variantId && !product.variants.some((v) => v.id === input.variantId)) {
    throw new AppError("NOT_FOUND", "catalog.variantNotFound", "This product has no such colour or size.");
  }
  const area = variantArea(product, productArea, input.variantId);
  const variantId = area === productArea ? null : input.variantId!;
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
      .values({ canvasId: access.canvas.id, printAreaId: area.id, variantId, requestedBy: access.userId, widthPx: width, heightPx: height, dpi: area.dpi })
      .returning({ id: printFiles.id });
    await enqueue(tx, "renderPrintFile", { printFileId: row!.id }, { maxAttempts: RENDER_MAX_ATTEMPTS });
    return { id: row!.id };
  });
}

/**
 * The canvas's print files, newest first, each finished one followed by its screen-print
 * separations (one row per ink, largest first).
 */
export async function listPrintFiles(db: DbOrTx, access: CanvasAccess): Promise<PrintFileView[]> {
  const rows = await db.select().from(printFiles).where(eq(printFiles.canvasId, access.canvas.id)).orderBy(desc(printFiles.createdAt)).limit(50);
  const finished = rows.filter((r) => r.status === "succeeded").map((r) => r.id);
  const separations = finished.length ? await db.select().from(printSeparations).where(inArray(printSeparations.printFileId, finished)).orderBy(asc(printSeparations.position)) : [];
  return rows.flatMap((r) => {
    const file: PrintFileView = {
      id: r.id,
      status: r.status,
      printAreaId: r.printAreaId,
      variantId: r.variantId,
      format: "png",
      ink: null,
      widthPx: r.widthPx,
      heightPx: r.heightPx,
      dpi: r.dpi,
      url: r.status === "succeeded" && r.objectKey ? `${PRINT_FILE_ROUTE}/${r.id}` : null,
      byteSize: r.byteSize,
      error: r.error,
      createdAt: r.createdAt,
    };
    const films = separations.filter((s) => s.printFileId === r.id).map((s) => ({ ...file, id: s.id, ink: s.ink, url: `${PRINT_FILE_ROUTE}/${s.id}`, byteSize: s.byteSize, createdAt: s.createdAt }));
    return [file, ...films];
  });
}

/** The stored PNG of a finished print file or of one of its separations, for the download route. */
export async function findServablePrintFile(db: DbOrTx, id: string): Promise<{ canvasId: string; key: string; printAreaId: string; ink: string | null } | null> {
  const [row] = await db.select().from(printFiles).where(and(eq(printFiles.id, id), eq(printFiles.status, "succeeded")));
  if (row?.objectKey) return { canvasId: row.canvasId, key: row.objectKey, printAreaId: row.printAreaId, ink: null };
  const [film] = await db
    .select({ canvasId: printFiles.canvasId, key: printSeparations.objectKey, printAreaId: printFiles.printAreaId, ink: printSeparations.ink })
    .from(printSeparations)
    .innerJoin(printFiles, eq(printFiles.id, printSeparations.printFileId))
    .where(and(eq(printSeparations.id, id), eq(printFiles.status, "succeeded")));
  return film ?? null;
}
