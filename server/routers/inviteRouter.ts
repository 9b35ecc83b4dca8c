import { z } from "zod";
import { requireCanvasRole } from "../services/canvas/access";
import { acceptInvite, createInvite, findInviteCanvas, listInvites, revokeInvite } from "../services/canvas/inviteService";
import { authedProcedure, canvasProcedure, router } from "../trpc/init";
import { role, uuid } from "./schemas";

export const inviteRouter = router({
  create: canvasProcedure("editor")
    .input(
      z.object({
        role,
        expiresInHours: z.number().int("must be whole hours").min(1, "must be at least 1 hour").max(720, "must be at most 30 days").optional(),
      }),
    )
    .output(z.object({ id: z.string(), token: z.string(), url: z.string(), role, expiresAt: z.date() }))
    .mutation(({ ctx, input }) => createInvite(ctx.db, { userId: ctx.user.id, appUrl: ctx.appUrl }, ctx.access, input)),

  list: canvasProcedure("editor").query(({ ctx }) => listInvites(ctx.db, ctx.access)),

  revoke: authedProcedure.input(z.object({ id: uuid })).mutation(async ({ ctx, input }) => {
    const canvasId = await findInviteCanvas(ctx.db, input.id);
    const access = await requireCanvasRole(ctx.db, ctx.user.id, canvasId, "editor");
    await revokeInvite(ctx.db, access, ctx.user.id, input);
    return { ok: true };
  }),

  accept: authedProcedure
    .input(z.object({ token: z.string().min(16, "is not a valid invite token").max(128, "is not a valid invite token") }))
    .output(z.object({ canvasId: z.string(), role }))
    .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.user.id, input)),
});
