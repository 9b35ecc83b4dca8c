import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { canvases, canvasMembers } from "@/db/schema";
import type { CanvasAccess } from "./access";
import { notifyAccessChanged } from "./accessEvents";
import type { Role } from "./roles";

export type CanvasSummary = { id: string; name: string; role: Role; memberCount: number; updatedAt: Date; createdAt: Date };

export async function createCanvas(db: Db, userId: string, input: { name: string }): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [canvas] = await tx.insert(canvases).values({ name: input.name, createdBy: userId }).returning({ id: canvases.id });
    await tx.insert(canvasMembers).values({ canvasId: canvas!.id, userId, role: "owner" });
    return { id: canvas!.id };
  });
}

export async function listCanvases(db: Db, userId: string): Promise<CanvasSummary[]> {
  const memberCount = sql<number>`(select count(*)::int from ${canvasMembers} m where m.canvas_id = ${canvases.id})`;
  return db
    .select({
      id: canvases.id,
      name: canvases.name,
      role: canvasMembers.role,
      memberCount,
      updatedAt: canvases.updatedAt,
      createdAt: canvases.createdAt,
    })
    .from(canvasMembers)
    .innerJoin(canvases, eq(canvases.id, canvasMembers.canvasId))
    .where(eq(canvasMembers.userId, userId))
    .orderBy(desc(canvases.updatedAt))
    .limit(500);
}

export function describeCanvas({ canvas, role }: CanvasAccess) {
  return { id: canvas.id, name: canvas.name, role, createdAt: canvas.createdAt, updatedAt: canvas.updatedAt };
}

export async function renameCanvas(db: Db, access: CanvasAccess, input: { name: string }) {
  const [row] = await db.update(canvases).set({ name: input.name }).where(eq(canvases.id, access.canvas.id)).returning();
  return describeCanvas({ canvas: row!, role: access.role });
}

export async function deleteCanvas(db: Db, access: CanvasAccess): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(canvases).where(eq(canvases.id, access.canvas.id));
    await notifyAccessChanged(tx, access.canvas.id, null);
  });
}
