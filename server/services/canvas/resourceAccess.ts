import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets, generations, invites } from "@/db/schema";
import { AppError } from "../../errors";
import { requireCanvasRole, type CanvasAccess } from "./access";
import type { Role } from "@/domain/canvas/roles";

/** Things addressed by their own id, each belonging to one canvas. */
export const RESOURCE_KINDS = ["asset", "invite", "generation"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const NOT_FOUND: Record<ResourceKind, () => AppError> = {
  asset: () => new AppError("NOT_FOUND", "asset.notFound", "This image does not exist."),
  invite: () => new AppError("NOT_FOUND", "invite.notFound", "This invite does not exist."),
  generation: () => new AppError("NOT_FOUND", "generation.notFound", "This generation does not exist."),
};

const CANVAS_OF: Record<ResourceKind, (db: DbOrTx, id: string) => Promise<{ canvasId: string } | undefined>> = {
  asset: (db, id) => db.query.assets.findFirst({ where: eq(assets.id, id), columns: { canvasId: true } }),
  invite: (db, id) => db.query.invites.findFirst({ where: eq(invites.id, id), columns: { canvasId: true } }),
  generation: (db, id) => db.query.generations.findFirst({ where: eq(generations.id, id), columns: { canvasId: true } }),
};

/**
 * The caller's access to the canvas that a resource belongs to, checked like the canvas's own:
 * a member whose role is below `min` gets FORBIDDEN. An unknown id and a resource on a canvas
 * the caller is not a member of give the same NOT_FOUND, so that ids cannot be probed.
 */
export async function requireResourceRole(db: DbOrTx, userId: string, kind: ResourceKind, id: string, min: Role): Promise<CanvasAccess> {
  const resource = await CANVAS_OF[kind](db, id);
  if (!resource) throw NOT_FOUND[kind]();
  try {
    return await requireCanvasRole(db, userId, resource.canvasId, min);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw NOT_FOUND[kind]();
    throw e;
  }
}

/** The resource's own NOT_FOUND, for services that look it up again within the checked canvas. */
export function resourceNotFound(kind: ResourceKind): AppError {
  return NOT_FOUND[kind]();
}
