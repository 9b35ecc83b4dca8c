import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { canvases, canvasMembers, invites, memberLimits, users } from "@/db/schema";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import type { CanvasAccess } from "./access";
import { notifyAccessChanged } from "./accessEvents";
import { coverUrl } from "./canvasCover";
import { resourceNotFound } from "./resourceAccess";
import { higherRole, lowerRole, roleAtLeast, roleRank, ROLES, type Role } from "@/domain/canvas/roles";

export const INVITE_DEFAULT_HOURS = 24 * 7;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function inviteUrl(appUrl: string, token: string): string {
  return `${appUrl}/invite/${token}`;
}

/** `appUrl`: where the link points (the app's public URL). */
export async function createInvite(db: DbOrTx, access: CanvasAccess, input: { role: Role; expiresInHours?: number; maxUses?: number; appUrl: string }) {
  if (!roleAtLeast(access.role, input.role)) {
    throw new AppError("FORBIDDEN", "invite.roleAboveOwn", "You cannot invite people with a role above your own.");
  }
  const token = randomBytes(32).toString("base64url"); // 256 bits
  const hours = input.expiresInHours ?? INVITE_DEFAULT_HOURS;
  const [row] = await db
    .insert(invites)
    .values({
      canvasId: access.canvas.id,
      tokenHash: hashInviteToken(token),
      role: input.role,
      expiresAt: new Date(Date.now() + hours * 3600_000),
      createdBy: access.userId,
      maxUses: input.maxUses ?? null,
    })
    .returning();
  return { id: row!.id, token, url: inviteUrl(input.appUrl, token), role: row!.role, expiresAt: row!.expiresAt, maxUses: row!.maxUses };
}

export async function listInvites(db: DbOrTx, access: CanvasAccess) {
  const rows = await db
    .select({ invite: invites, createdByName: users.name })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.canvasId, access.canvas.id))
    .orderBy(desc(invites.createdAt))
    .limit(200);
  const now = Date.now();
  return rows.map(({ invite, createdByName }) => ({
    id: invite.id,
    role: invite.role,
    expiresAt: invite.expiresAt,
    revokedAt: invite.revokedAt,
    uses: invite.uses,
    maxUses: invite.maxUses,
    createdAt: invite.createdAt,
    createdByName,
    status: invite.revokedAt
      ? ("revoked" as const)
      : invite.expiresAt.getTime() <= now
        ? ("expired" as const)
        : invite.maxUses !== null && invite.uses >= invite.maxUses
          ? ("usedUp" as const)
          : ("active" as const),
  }));
}

/** Owners revoke any invite of the canvas; editors only their own. */
export async function revokeInvite(db: DbOrTx, access: CanvasAccess, input: { id: string }): Promise<{ ok: true }> {
  const invite = await db.query.invites.findFirst({ where: and(eq(invites.id, input.id), eq(invites.canvasId, access.canvas.id)) });
  if (!invite) throw resourceNotFound("invite");
  if (access.role !== "owner" && invite.createdBy !== access.userId) {
    throw new AppError("FORBIDDEN", "invite.notYours", "Only owners and the invite's creator can revoke it.");
  }
  await db.update(invites).set({ revokedAt: sql`coalesce(${invites.revokedAt}, now())` }).where(eq(invites.id, input.id));
  return { ok: true };
}

/** Whether `token` is a usable invite to this canvas (its holder may see the canvas's cover before joining). */
export async function inviteOpensCanvas(db: DbOrTx, canvasId: string, token: string): Promise<boolean> {
  const [row] = await db.select().from(invites).where(and(eq(invites.tokenHash, hashInviteToken(token)), eq(invites.canvasId, canvasId)));
  try {
    usable(row);
    return true;
  } catch {
    return false;
  }
}

type InviteRow = typeof invites.$inferSelect;

/** The invite if it can still be accepted; otherwise the reason it cannot, as the person will read it. */
function usable(invite: InviteRow | undefined): InviteRow {
  if (!invite) throw new AppError("NOT_FOUND", "invite.notFound", "This invite link is not valid.");
  if (invite.revokedAt) throw new AppError("FORBIDDEN", "invite.revoked", "This invite link has been revoked.");
  if (invite.expiresAt.getTime() <= Date.now()) {
    throw new AppError("FORBIDDEN", "invite.expired", "This invite link has expired. Ask for a new one.");
  }
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) {
    throw new AppError("FORBIDDEN", "invite.usedUp", "This invite link has been used as many times as it allows. Ask for a new one.");
  }
  return invite;
}

/**
 * What an invite link offers, for the confirming click before joining: the canvas and its cover,
 * who owns it, who made the link and the role this person would get (a removed member is told at
 * once). Someone signed out sees the same, to sign up or in and join in one step. Changes nothing
 * (opening a link must not join by itself).
 */
export async function previewInvite(db: DbOrTx, userId: string | null, input: { token: string }) {
  const [row] = await db.select().from(invites).where(eq(invites.tokenHash, hashInviteToken(input.token)));
  const invite = usable(row);
  const offered = userId ? await roleAfterLimit(db, invite, userId) : invite.role;
  const [canvas] = await db.select({ name: canvases.name, coverAt: canvases.coverAt }).from(canvases).where(eq(canvases.id, invite.canvasId));
  const [owner] = await db
    .select({ name: users.name })
    .from(canvasMembers)
    .innerJoin(users, eq(users.id, canvasMembers.userId))
    .where(and(eq(canvasMembers.canvasId, invite.canvasId), eq(canvasMembers.role, "owner")))
    .orderBy(canvasMembers.createdAt)
    .limit(1);
  const [creator] = invite.createdBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, invite.createdBy)) : [];
  const [membership] = userId
    ? await db.select({ role: canvasMembers.role }).from(canvasMembers).where(and(eq(canvasMembers.canvasId, invite.canvasId), eq(canvasMembers.userId, userId)))
    : [];
  return {
    canvasName: canvas!.name,
    coverUrl: coverUrl(invite.canvasId, canvas!.coverAt, input.token),
    ownerName: owner?.name ?? null,
    invitedBy: creator?.name ?? null,
    role: offered,
    currentRole: membership?.role ?? null,
  };
}

/** Joins the canvas with the invite's role; an existing member keeps a higher role. */
export async function acceptInvite(db: Db, actor: Actor, input: { token: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(invites).where(eq(invites.tokenHash, hashInviteToken(input.token))).for("update");
    const invite = usable(row);
    const offered = await roleAfterLimit(tx, invite, actor.userId);
    const [existing] = await tx
      .select()
      .from(canvasMembers)
      .where(and(eq(canvasMembers.canvasId, invite.canvasId), eq(canvasMembers.userId, actor.userId)))
      .for("update");
    const role = existing ? higherRole(existing.role, offered) : offered;
    if (!existing) await tx.insert(canvasMembers).values({ canvasId: invite.canvasId, userId: actor.userId, role });
    else if (role !== existing.role) {
      await tx.update(canvasMembers).set({ role }).where(and(eq(canvasMembers.canvasId, invite.canvasId), eq(canvasMembers.userId, actor.userId)));
    }
    await tx.update(invites).set({ uses: sql`${invites.uses} + 1` }).where(eq(invites.id, invite.id));
    if (existing && role !== existing.role) await notifyAccessChanged(tx, invite.canvasId, actor.userId);
    return { canvasId: invite.canvasId, role };
  });
}

/**
 * What a link made before someone was removed or demoted gives them: nothing after a removal (the
 * owner's month-long editor link does not let a removed editor back in), at most their new role
 * after a demotion. A link made since gives what it says.
 */
async function roleAfterLimit(tx: DbOrTx, invite: { canvasId: string; role: Role; createdAt: Date }, userId: string): Promise<Role> {
  const [limit] = await tx.select().from(memberLimits).where(and(eq(memberLimits.canvasId, invite.canvasId), eq(memberLimits.userId, userId)));
  if (!limit || invite.createdAt >= limit.since) return invite.role;
  if (!limit.maxRole) throw new AppError("FORBIDDEN", "invite.removed", "You were removed from this canvas. Ask its owner for a new invite.");
  return lowerRole(invite.role, limit.maxRole);
}

/**
 * The links a member made stop working when the member can no longer give that access: all of
 * them when they leave or are removed, and those above their new role when demoted. Otherwise a
 * removed editor could walk back in through their own 30-day link.
 */
export async function revokeInvitesBeyond(tx: DbOrTx, canvasId: string, userId: string, role: Role | null): Promise<number> {
  const above = role ? ROLES.filter((r) => roleRank(r) > roleRank(role)) : [...ROLES];
  if (!above.length) return 0;
  const res = await tx
    .update(invites)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invites.canvasId, canvasId), eq(invites.createdBy, userId), isNull(invites.revokedAt), inArray(invites.role, above)))
    .returning({ id: invites.id });
  return res.length;
}
