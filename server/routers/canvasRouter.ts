import { z } from "zod";
import { createCanvas, deleteCanvas, describeCanvas, listCanvases, renameCanvas } from "../services/canvas/canvasService";
import { listMembers, removeMember, setRole } from "../services/canvas/memberService";
import { authedProcedure, canvasProcedure, router } from "../trpc/init";
import { canvasName, role, userId } from "./schemas";

const canvasOut = z.object({ id: z.string(), name: z.string(), role, createdAt: z.date(), updatedAt: z.date() });

export const canvasRouter = router({
  create: authedProcedure
    .input(z.object({ name: canvasName }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createCanvas(ctx.db, ctx.user.id, input)),

  list: authedProcedure.query(({ ctx }) => listCanvases(ctx.db, ctx.user.id)),

  get: canvasProcedure("viewer", "id").output(canvasOut).query(({ ctx }) => describeCanvas(ctx.access)),

  rename: canvasProcedure("editor", "id")
    .input(z.object({ name: canvasName }))
    .output(canvasOut)
    .mutation(({ ctx, input }) => renameCanvas(ctx.db, ctx.access, input)),

  delete: canvasProcedure("owner", "id").mutation(async ({ ctx }) => {
    await deleteCanvas(ctx.db, ctx.access);
    return { ok: true };
  }),

  members: canvasProcedure("viewer").query(({ ctx }) => listMembers(ctx.db, ctx.access)),

  setRole: canvasProcedure("owner")
    .input(z.object({ userId, role }))
    .mutation(({ ctx, input }) => setRole(ctx.db, ctx.access, input)),

  removeMember: canvasProcedure("owner")
    .input(z.object({ userId }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx.db, ctx.access, input);
      return { ok: true };
    }),
});
