import { revokeInvitesBeyond } from "./inviteService";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { canvasMembers, memberLimits, users } from "@/db/schema";
import { AppError } from "../../errors";
import type { CanvasAccess } from "./access";
import { notifyAccessChanged } from "./accessEvents";
import { roleRank, type Role } from "@/domain/canvas/roles";

/** `email` is null unless the caller owns the canvas or it is their own. */
export type MemberView = { userId: string; email: string | null; name: string; role: Role; joinedAt: Date };

/** The canvas's members; only owners see others' e-mail addresses (anyone with a link can be a viewer). */
export async function listMembers(db: DbOrTx, access: CanvasAccess): Promise<MemberView[]> {
  const rows = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: canvasMembers.role, joinedAt: canvasMembers.createdAt })
    .from(canvasMembers)
    .innerJoin(users, eq(users.id, canvasMembers.userId))
    .where(eq(canvasMembers.canvasId, access.canvas.id))
    .orderBy(asc(canvasMembers.createdAt));
  return rows.map((m) => ({ ...m, email: access.role === "owner" || m.userId === access.userId ? m.email : null }));
}

/** Locks the canvas's member rows so that two owners cannot demote each other at once. */
async function lockedMembers(tx: DbOrTx, canvasId: string) {
  return tx.select().from(canvasMembers).where(eq(canvasMembers.canvasId, canvasId)).for("update");
}

function assertNotLastOwner(members: { userId: string; role: Role }[], userId: string) {
  const owners = members.filter((m) => m.role === "owner");
  if (owners.length === 1 && owners[0]!.userId === userId) {
    throw new AppError("BAD_REQUEST", "members.lastOwner", "A canvas needs at least one owner: make someone else owner first.");
  }
}

export async function setRole(db: Db, access: CanvasAccess, input: { userId: string; role: Role }): Promise<{ userId: string; role: Role }> {
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, access.canvas.id);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw new AppError("NOT_FOUND", "members.notFound", "This person is not a member of the canvas.");
    if (target.role === "owner" && input.role !== "owner") assertNotLastOwner(members, input.userId);
    await tx
      .update(canvasMembers)
      .set({ role: input.role })
      .where(and(eq(canvasMembers.canvasId, access.canvas.id), eq(canvasMembers.userId, input.userId)));
    if (roleRank(input.role) < roleRank(target.role)) await limitMember(tx, access.canvas.id, input.userId, input.role);
    else await tx.delete(memberLimits).where(and(eq(memberLimits.canvasId, access.canvas.id), eq(memberLimits.userId, input.userId)));
    await revokeInvitesBeyond(tx, access.canvas.id, input.userId, input.role);
    await notifyAccessChanged(tx, access.canvas.id, input.userId);
    return { userId: input.userId, role: input.role };
  });
}

export async function removeMember(db: Db, access: CanvasAccess, input: { userId: string }): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const members = await lockedMembers(tx, access.canvas.id);
    const target = members.find((m) => m.userId === input.userId);
    if (!target) throw new AppError("NOT_FOUND", "members.notFound", "This person is not a member of the canvas.");
    if (target.role === "owner") assertNotLastOwner(members, input.userId);
    await tx.delete(canvasMembers).where(and(eq(canvasMembers.canvasId, access.canvas.id), eq(canvasMembers.userId, input.userId)));
    await limitMember(tx, access.canvas.id, input.userId, null);
    await revokeInvitesBeyond(tx, access.canvas.id, input.userId, null);
    await notifyAccessChanged(tx, access.canvas.id, input.userId);
  });
  return { ok: true };
}

/** Links made before now give this person at most `maxRole` (nothing when null): see acceptInvite. */
async function limitMember(tx: DbOrTx, canvasId: string, userId: string, maxRole: Role | null): Promise<void> {
  await tx
    .insert(memberLimits)
    .values({ canvasId, userId, maxRole })
    .onConflictDoUpdate({ target: [memberLimits.canvasId, memberLimits.userId], set: { maxRole, since: sql`now()` } });
}
