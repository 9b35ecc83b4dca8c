import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { mockupRenders } from "@/db/schema";
import { OPEN_RENDER_STATUSES, type RenderStatus } from "@/domain/render/renderStatus";
import { AppError } from "../../errors";
import { RENDER_MAX_ATTEMPTS } from "../../jobs/definitions";
import { enqueue } from "../../jobs/enqueue";
import type { CanvasAccess } from "../canvas/access";
import { requireProduct } from "../catalog/catalogService";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import { loadDoc } from "../canvas/docStore";
import { designedAreas } from "../print/designSource";

export const MOCKUP_ROUTE = "/api/mockups";
/** HQ mockups are this many pixels square. */
export const MOCKUP_SIZE = 2000;
const MAX_COLORS = 8;
const MAX_OPEN_BATCHES = 2;

export type MockupView = { id: string; variantId: string; printAreaId: string; status: RenderStatus; url: string | null; error: string | null };
export type MockupBatchView = { batchId: string; createdAt: Date; renders: MockupView[] };

/**
 * Queues photo-quality mockups of the canvas's design: every print area with something on it (a
 * blank back is not worth a picture) in every chosen colour, one row each, rendered in one job so
 * the set's progress is visible as rows finish.
 */
export async function createMockups(db: Db, access: CanvasAccess, input: { variantIds: string[] }): Promise<{ batchId: string }> {
  if (!access.canvas.productId) throw new AppError("NOT_FOUND", "mockup.noProduct", "This canvas does not design a product yet.");
  const product = await requireProduct(db, access.canvas.productId);
  const variants = [...new Set(input.variantIds)].map((id) => product.variants.find((v) => v.id === id));
  if (variants.some((v) => !v)) throw new AppError("NOT_FOUND", "catalog.variantNotFound", "This product has no such colour or size.");
  const colors = new Map(variants.map((v) => [v!.color, v!]));
  if (colors.size > MAX_COLORS) throw new AppError("BAD_REQUEST", "mockup.tooManyColors", `At most ${MAX_COLORS} colours at a time.`);
  const { doc } = await loadDoc(db, access.canvas.id);
  const areas = designedAreas(orderedShapes(canvasDoc(doc)), product);
  if (!areas.length) throw new AppError("BAD_REQUEST", "mockup.emptyDesign", "The design is empty: put something on the product first.");
  const batchId = randomUUID();
  await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ n: sql<number>`count(distinct ${mockupRenders.batchId})::int` })
      .from(mockupRenders)
      .where(and(eq(mockupRenders.canvasId, access.canvas.id), inArray(mockupRenders.status, OPEN_RENDER_STATUSES)));
    if ((open?.n ?? 0) >= MAX_OPEN_BATCHES) throw new AppError("TOO_MANY_REQUESTS", "mockup.tooManyOpen", "Mockups for this canvas are already rendering. Let them finish first.");
    const rows = [...colors.values()].flatMap((v) => areas.map((a) => ({ canvasId: access.canvas.id, batchId, variantId: v.id, printAreaId: a.id })));
    await tx.insert(mockupRenders).values(rows);
    await enqueue(tx, "renderMockups", { batchId }, { maxAttempts: RENDER_MAX_ATTEMPTS });
  });
  return { batchId };
}

/** The canvas's recent mockup sets, newest first. */
export async function listMockups(db: DbOrTx, access: CanvasAccess): Promise<MockupBatchView[]> {
  const rows = await db.select().from(mockupRenders).where(eq(mockupRenders.canvasId, access.canvas.id)).orderBy(desc(mockupRenders.createdAt), mockupRenders.id).limit(96);
  const batches = new Map<string, MockupBatchView>();
  for (const r of rows) {
    const batch = batches.get(r.batchId) ?? { batchId: r.batchId, createdAt: r.createdAt, renders: [] };
    batch.renders.push({ id: r.id, variantId: r.variantId, printAreaId: r.printAreaId, status: r.status, url: r.status === "succeeded" && r.objectKey ? `${MOCKUP_ROUTE}/${r.id}` : null, error: r.error });
    batches.set(r.batchId, batch);
  }
  return [...batches.values()];
}

export async function findServableMockup(db: DbOrTx, id: string): Promise<{ canvasId: string; key: string } | null> {
  const [row] = await db.select().from(mockupRenders).where(and(eq(mockupRenders.id, id), eq(mockupRenders.status, "succeeded")));
  return row?.objectKey ? { canvasId: row.canvasId, key: row.objectKey } : null;
}
