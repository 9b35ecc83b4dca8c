import { z } from "zod";
import { generationRequestSchema, modelOptionsSchema } from "@/domain/generationParams";
import { generationViewSchema, PRINT_OUTPUTS, VECTOR_COLORS } from "@/domain/generationView";
import { describeModel } from "../services/generation/generationParams";
import { reorderQueue, setQueuePaused } from "../services/generation/generationQueue";
import { cancelGeneration, createGeneration, retryGeneration } from "../services/generation/generationService";
import { listGenerations } from "../services/generation/generationView";
import { watchGenerations } from "../services/generation/generationWatch";
import { requestPrintReady } from "../services/generation/printReadyRequest";
import { authedProcedure, canvasProcedure, resourceProcedure, router } from "../trpc/init";
import { uuid } from "./schemas";

const created = z.object({ id: z.string() });

export const generationRouter = router({
  /** What the installed model accepts, for the form's defaults and limits; null when none is installed. */
  model: authedProcedure.output(modelOptionsSchema.nullable()).query(() => describeModel()),

  create: canvasProcedure("editor")
    .input(generationRequestSchema)
    .output(created)
    .mutation(({ ctx, input }) => createGeneration(ctx.db, ctx.access, input)),

  /** Queues the print-ready network for an image on the canvas; the result replaces `shapeId`'s image. */
  makePrintReady: canvasProcedure("editor")
    .input(
      z.object({
        assetId: uuid,
        shapeId: z.string().min(1).max(64),
        output: z.enum(PRINT_OUTPUTS).default("raster"),
        colors: z.number().int().min(VECTOR_COLORS.min).max(VECTOR_COLORS.max).optional(),
      }),
    )
    .output(created)
    .mutation(({ ctx, input }) => requestPrintReady(ctx.db, ctx.access, input)),

  list: canvasProcedure("viewer")
    .output(z.array(generationViewSchema))
    .query(({ ctx }) => listGenerations(ctx.db, ctx.access)),

  /** The owner pauses the canvas's queue (its waiting generations keep their places) or resumes it. */
  setQueuePaused: canvasProcedure("owner")
    .input(z.object({ paused: z.boolean() }))
    .output(z.object({ paused: z.boolean() }))
    .mutation(({ ctx, input }) => setQueuePaused(ctx.db, ctx.access, input.paused)),

  /** The owner orders the canvas's waiting generations: `ids` is every one of them, first to run first. */
  reorder: canvasProcedure("owner")
    .input(z.object({ ids: z.array(uuid).min(1).max(100) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await reorderQueue(ctx.db, ctx.access, input.ids);
      return { ok: true as const };
    }),

  cancel: resourceProcedure("generation", "editor")
    .output(z.object({ status: z.literal("canceled") }))
    .mutation(({ ctx, input }) => cancelGeneration(ctx.db, ctx.access, input)),

  retry: resourceProcedure("generation", "editor")
    .output(created)
    .mutation(({ ctx, input }) => retryGeneration(ctx.db, ctx.access, input)),

  /**
   * The canvas's live queue over SSE: the whole list first, then again on every change. No
   * `.output()`: tRPC v11 would hand a subscription's output parser the async iterable itself,
   * not each yielded list; the lists are typed by the same `GenerationView` that `list` parses.
   */
  events: canvasProcedure("viewer").subscription(({ ctx, signal }) => watchGenerations(ctx.db, ctx.access, { signal, sessionId: ctx.session!.sessionId })),
});
