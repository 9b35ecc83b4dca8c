import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mockupRenders } from "@/db/schema";
import { OPEN_RENDER_STATUSES } from "@/domain/render/renderStatus";
import { loadDesign, type Design } from "@/server/services/print/designSource";
import { mockupKey } from "@/server/storage/objectKeys";
import type { Storage } from "@/server/storage/storage";
import { RenderRefused, runRenders, type RenderKind } from "../render/renderRunner";
import { renderMockupWebp } from "./mockupImage";

/** An HQ mockup of one print area of the canvas's design in one colour; each canvas's design is loaded once. */
export function mockupRender(db: Db, storage: Storage): RenderKind<typeof mockupRenders.$inferSelect> {
  const designs = new Map<string, Promise<Design | null>>();
  return {
    table: mockupRenders,
    async render(row) {
      if (!designs.has(row.canvasId)) designs.set(row.canvasId, loadDesign(db, row.canvasId));
      const design = await designs.get(row.canvasId)!;
      const area = design?.product.printAreas.find((a) => a.id === row.printAreaId);
      const variant = design?.product.variants.find((v) => v.id === row.variantId);
      if (!design || !area || !variant) throw new RenderRefused("The canvas no longer designs this product.");
      const body = await renderMockupWebp(storage, design, area, variant.colorHex);
      return { body, contentType: "image/webp", key: mockupKey(row.canvasId, row.id) };
    },
  };
}

/**
 * Renders every open mockup of a set, one after another, each row marked as it finishes so that
 * everyone sees the set's progress; a row that fails says why and the others go on.
 */
export async function runMockups(db: Db, storage: Storage, batchId: string, finalAttempt = true): Promise<void> {
  const rows = await db
    .select({ id: mockupRenders.id })
    .from(mockupRenders)
    .where(and(eq(mockupRenders.batchId, batchId), inArray(mockupRenders.status, [...OPEN_RENDER_STATUSES])))
    .orderBy(asc(mockupRenders.createdAt), asc(mockupRenders.id));
  await runRenders(db, storage, mockupRender(db, storage), rows.map((r) => r.id), finalAttempt);
}
