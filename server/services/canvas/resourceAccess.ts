import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets, canvasMembers, generations, invites, listings } from "@/db/schema";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { requireCanvasRole, type CanvasAccess } from "./access";
import { roleAtLeast, type Role } from "@/domain/canvas/roles";

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

/** A listing its caller may manage: the publisher, or whoever holds `min` on its canvas now. */
export type ListingAccess = Actor & { listingId: string };

/**
 * The caller's access to a listing. The publisher keeps it when the canvas is gone; anyone else
 * needs `min` on the listing's canvas. To everyone else the listing does not exist (NOT_FOUND,
 * never FORBIDDEN), as a listing's page does not say who runs it.
 */
export async function requireListingRole(db: DbOrTx, userId: string, listingId: string, min: Role): Promise<ListingAccess> {
  const [row] = await db.select({ ownerId: listings.ownerId, canvasId: listings.canvasId }).from(listings).where(eq(listings.id, listingId));
  if (!row) throw listingNotFound();
  if (row.ownerId === userId) return { userId, listingId };
  const [member] = row.canvasId
    ? await db
        .select({ role: canvasMembers.role })
        .from(canvasMembers)
        .where(and(eq(canvasMembers.canvasId, row.canvasId), eq(canvasMembers.userId, userId)))
    : [];
  if (!member || !roleAtLeast(member.role, min)) throw listingNotFound();
  return { userId, listingId };
}

export const listingNotFound = () => new AppError("NOT_FOUND", "listing.notFound", "This product is not for sale.");
