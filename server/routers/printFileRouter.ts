import { z } from "zod";
import { renderStatusSchema } from "@/domain/render/renderStatus";
import { canvasInks } from "../services/print/canvasInks";
import { createPrintFile, listPrintFiles } from "../services/print/printFileService";
import { getStorage } from "../storage/storage";
import { canvasProcedure, router } from "../trpc/init";

const printFileOut = z.object({
  id: z.string(),
  status: renderStatusSchema,
  printAreaId: z.string(),
  variantId: z.string().nullable(),
  format: z.literal("png"),
  /** A screen-print separation's ink ("#rrggbb"); null for the composite. */
  ink: z.string().nullable(),
  widthPx: z.number().int(),
  heightPx: z.number().int(),
  dpi: z.number().int(),
  url: z.string().nullable(),
  byteSize: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
});

const inksOut = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("spot"), inks: z.array(z.string()), maxInks: z.number().int() }),
  z.object({ kind: z.literal("fullColor"), reason: z.enum(["raster", "blend", "tooMany"]), inks: z.null(), maxInks: z.number().int() }),
  z.object({ kind: z.literal("empty"), inks: z.array(z.string()).length(0), maxInks: z.number().int() }),
]);

export const printFileRouter = router({
  /** Queues a full-resolution PNG of one print area of the canvas's product (at a variant's own size when it names one). */
  create: canvasProcedure("editor")
    .input(z.object({ printAreaId: z.string().min(1).max(64), variantId: z.string().min(1).max(64).optional() }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createPrintFile(ctx.db, ctx.access, input)),

  /** Print files, newest first; a finished one of a spot-colour design is followed by one row per ink's separation. */
  list: canvasProcedure("viewer")
    .output(z.array(printFileOut))
    .query(({ ctx }) => listPrintFiles(ctx.db, ctx.access)),

  /** The inks the design prints with: spot colours (screen-print ready) or full colour. */
  inks: canvasProcedure("viewer")
    .output(inksOut)
    .query(({ ctx }) => canvasInks(ctx.db, getStorage(), ctx.access)),
});
