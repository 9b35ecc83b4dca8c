import { z } from "zod";
import { acceptInvite, createInvite, listInvites, previewInvite, revokeInvite } from "../services/canvas/inviteService";
import { limits } from "../auth/limits";
import { authedProcedure, canvasProcedure, publicProcedure, resourceProcedure, router, throttle } from "../trpc/init";
import { ok, role } from "./schemas";

const invite = z.object({
  id: z.string(),
  role,
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  uses: z.number(),
  maxUses: z.number().nullable(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked", "usedUp"]),
});

/** Wrong tokens count against the caller's address and account; links that work do not. */
const tokenProcedure = authedProcedure.use(
  throttle((ctx) => [limits.inviteFailuresPerAddress(ctx.clientAddress), limits.inviteFailuresPerUser(ctx.session!.user.id)], { failuresOnly: true }),
);

/** Signed out too (an invite is read before signing up): wrong tokens count against the address. */
const previewProcedure = publicProcedure.use(
  throttle((ctx) => [limits.inviteFailuresPerAddress(ctx.clientAddress), ...(ctx.session ? [limits.inviteFailuresPerUser(ctx.session.user.id)] : [])], { failuresOnly: true }),
);

const tokenInput = z.object({ token: z.string().min(16, "is not a valid invite token").max(128, "is not a valid invite token") });

export const inviteRouter = router({
  create: canvasProcedure("editor")
    .input(
      z.object({
        role,
        expiresInHours: z.number().int("must be whole hours").min(1, "must be at least 1 hour").max(720, "must be at most 30 days").optional(),
        maxUses: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").optional(),
      }),
    )
    .output(z.object({ id: z.string(), token: z.string(), url: z.string(), role, expiresAt: z.date(), maxUses: z.number().nullable() }))
    .mutation(({ ctx, input }) => createInvite(ctx.db, ctx.access, { role: input.role, expiresInHours: input.expiresInHours, maxUses: input.maxUses, appUrl: ctx.appUrl })),

  list: canvasProcedure("editor").output(z.array(invite)).query(({ ctx }) => listInvites(ctx.db, ctx.access)),

  revoke: resourceProcedure("invite", "editor")
    .output(ok)
    .mutation(({ ctx, input }) => revokeInvite(ctx.db, ctx.access, input)),

  /** What a link offers, shown before the person chooses to join; changes nothing. */
  preview: previewProcedure
    .input(tokenInput)
    .output(z.object({ canvasName: z.string(), coverUrl: z.string().nullable(), ownerName: z.string().nullable(), invitedBy: z.string().nullable(), role, currentRole: role.nullable() }))
    .query(({ ctx, input }) => previewInvite(ctx.db, ctx.session?.user.id ?? null, input)),

  accept: tokenProcedure
    .input(tokenInput)
    .output(z.object({ canvasId: z.string(), role }))
    .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.actor, input)),
});
