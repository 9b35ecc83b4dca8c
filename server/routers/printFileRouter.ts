import { z } from "zod";
import { renderStatusSchema } from "@/domain/render/renderStatus";
import { createPrintFile, listPrintFiles } from "../services/print/printFileService";
import { canvasProcedure, router } from "../trpc/init";

const printFileOut = z.object({
  id: z.string(),
  status: renderStatusSchema,
  printAreaId: z.string(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  dpi: z.number().int(),
  url: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
});

export const printFileRouter = router({
  /** Queues a full-resolution PNG of one print area of the canvas's product. */
  create: canvasProcedure("editor")
    .input(z.object({ printAreaId: z.string().min(1).max(64) }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createPrintFile(ctx.db, ctx.access, input)),

  list: canvasProcedure("viewer")
    .output(z.array(printFileOut))
    .query(({ ctx }) => listPrintFiles(ctx.db, ctx.access)),
});
