import { enqueue } from "../../jobs/enqueue";
import { desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { canvases, canvasMembers, listings } from "@/db/schema";
import type { ProductBinding } from "@/domain/catalog/catalog";
import { requireVariant } from "../catalog/catalogService";
import type { Actor } from "../actor";
import type { CanvasAccess } from "./access";
import { coverUrl, scheduleCover } from "./canvasCover";
import { announceProduct } from "./documentEdits";
import { notifyAccessChanged } from "./accessEvents";
import type { Role } from "@/domain/canvas/roles";

/** `coverUrl`: a small mockup of the design (null until one is rendered); `onSale`: a published listing sells it. */
export type CanvasSummary = { id: string; name: string; role: Role; memberCount: number; updatedAt: Date; createdAt: Date; coverUrl: string | null; onSale: boolean };
export type CanvasView = { id: string; name: string; role: Role; product: ProductBinding | null; createdAt: Date; updatedAt: Date };

export async function createCanvas(db: Db, actor: Actor, input: { name: string }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [canvas] = await tx.insert(canvases).values({ name: input.name, createdBy: actor.userId }).returning({ id: canvases.id });
    await tx.insert(canvasMembers).values({ canvasId: canvas!.id, userId: actor.userId, role: "owner" });
    return { id: canvas!.id };
  });
}

export async function listCanvases(db: DbOrTx, actor: Actor): Promise<CanvasSummary[]> {
  const memberCount = sql<number>`(select count(*)::int from ${canvasMembers} m where m.canvas_id = ${canvases.id})`;
  const onSale = sql<boolean>`exists (select 1 from ${listings} l where l.canvas_id = ${canvases.id} and l.current_version_id is not null and l.unpublished_at is null)`;
  const rows = await db
    .select({
      id: canvases.id,
      name: canvases.name,
      role: canvasMembers.role,
      memberCount,
      onSale,
      coverAt: canvases.coverAt,
      updatedAt: canvases.updatedAt,
      createdAt: canvases.createdAt,
    })
    .from(canvasMembers)
    .innerJoin(canvases, eq(canvases.id, canvasMembers.canvasId))
    .where(eq(canvasMembers.userId, actor.userId))
    .orderBy(desc(canvases.updatedAt))
    .limit(500);
  return rows.map(({ coverAt, ...row }) => ({ ...row, coverUrl: coverUrl(row.id, coverAt) }));
}

/** The canvas as its member sees it; access was checked when it was loaded. */
export function describeCanvas({ canvas, role }: Pick<CanvasAccess, "canvas" | "role">): CanvasView {
  const product = canvas.productId && canvas.variantId ? { productId: canvas.productId, variantId: canvas.variantId } : null;
  return { id: canvas.id, name: canvas.name, role, product, createdAt: canvas.createdAt, updatedAt: canvas.updatedAt };
}

/**
 * Binds the canvas to a product and colour (or back to a free artboard with null), then tells every
 * open editor through the document. The product check comes first, so bad input changes nothing.
 */
export async function setCanvasProduct(db: Db, access: CanvasAccess, input: ProductBinding | null): Promise<CanvasView> {
  if (input) await requireVariant(db, input.productId, input.variantId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(canvases)
      .set({ productId: input?.productId ?? null, variantId: input?.variantId ?? null })
      .where(eq(canvases.id, access.canvas.id))
      .returning();
    await announceProduct(tx, access.canvas.id, input);
    await scheduleCover(tx, access.canvas.id);
    return describeCanvas({ canvas: row!, role: access.role });
  });
}

export async function renameCanvas(db: DbOrTx, access: CanvasAccess, input: { name: string }): Promise<CanvasView> {
  const [row] = await db.update(canvases).set({ name: input.name }).where(eq(canvases.id, access.canvas.id)).returning();
  return describeCanvas({ canvas: row!, role: access.role });
}

export async function deleteCanvas(db: Db, access: CanvasAccess): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    await tx.delete(canvases).where(eq(canvases.id, access.canvas.id));
    // Its images go in a job, committed with the deletion: S3 may be slow or down, and a retry is safe.
    await enqueue(tx, "deleteCanvasObjects", { canvasId: access.canvas.id }, { jobKey: `deleteCanvasObjects:${access.canvas.id}`, maxAttempts: 10 });
    await notifyAccessChanged(tx, access.canvas.id, null);
  });
  return { ok: true };
}
