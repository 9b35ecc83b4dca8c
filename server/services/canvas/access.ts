import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { canvases, canvasMembers } from "@/db/schema";
import { AppError } from "../../errors";
import { roleAtLeast, type Role } from "@/domain/canvas/roles";
import type { Actor } from "../actor";

export type CanvasRow = typeof canvases.$inferSelect;

/** The actor once their membership of a canvas is checked: the canvas and their role on it. */
export type CanvasAccess = Actor & { canvas: CanvasRow; role: Role };

/**
 * The caller's membership of a canvas, or an error. A stranger gets NOT_FOUND so that canvas
 * ids cannot be probed; a member whose role is too low gets FORBIDDEN.
 */
export async function requireCanvasRole(db: DbOrTx, userId: string, canvasId: string, min: Role): Promise<CanvasAccess> {
  const [row] = await db
    .select({ canvas: canvases, role: canvasMembers.role })
    .from(canvasMembers)
    .innerJoin(canvases, eq(canvases.id, canvasMembers.canvasId))
    .where(and(eq(canvasMembers.canvasId, canvasId), eq(canvasMembers.userId, userId)));
  if (!row) throw new AppError("NOT_FOUND", "canvas.notFound", "This canvas does not exist or you are not a member.");
  if (!roleAtLeast(row.role, min)) {
    throw new AppError("FORBIDDEN", `canvas.needs.${min}`, `This needs the ${min} role on this canvas.`);
  }
  return { userId, canvas: row.canvas, role: row.role };
}
