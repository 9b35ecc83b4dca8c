import { z } from "zod";
import { renderStatusSchema } from "@/domain/render/renderStatus";
import { createMockups, listMockups } from "../services/mockup/mockupService";
import { canvasProcedure, router } from "../trpc/init";

const render = z.object({ id: z.string(), variantId: z.string(), printAreaId: z.string(), status: renderStatusSchema, url: z.string().nullable(), error: z.string().nullable() });

export const mockupRouter = router({
  /** Queues HQ mockups of every print area in each chosen colour (one variant per colour). */
  create: canvasProcedure("editor")
    .input(z.object({ variantIds: z.array(z.string().min(1).max(64)).min(1).max(64) }))
    .output(z.object({ batchId: z.string() }))
    .mutation(({ ctx, input }) => createMockups(ctx.db, ctx.access, input)),

  list: canvasProcedure("viewer")
    .output(z.array(z.object({ batchId: z.string(), createdAt: z.date(), renders: z.array(render) })))
    .query(({ ctx }) => listMockups(ctx.db, ctx.access)),
});
