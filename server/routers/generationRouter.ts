import { z } from "zod";
import { readModelInfo, SCHEDULER_NAMES } from "../jobs/modelInfo";
import { sizeRange, COUNT_MAX, GUIDANCE_MAX, PROMPT_MAX, SEED_MAX, STEPS_MAX } from "../services/generation/generationParams";
import { cancelGeneration, createGeneration, retryGeneration } from "../services/generation/generationService";
import { listGenerations } from "../services/generation/generationView";
import { requestPrintReady } from "../services/generation/printReadyRequest";
import { watchGenerations } from "../services/generation/generationWatch";
import { authedProcedure, canvasProcedure, router } from "../trpc/init";
import { uuid } from "./schemas";

const int = (what: string) => z.number().int(`must be a whole number${what}`);

const createInput = z.object({
  prompt: z.string().trim().min(1, "must not be empty").max(PROMPT_MAX, `must be at most ${PROMPT_MAX} characters`),
  negativePrompt: z.string().trim().max(PROMPT_MAX, `must be at most ${PROMPT_MAX} characters`).optional(),
  steps: int(" of steps").min(1, "must be at least 1").max(STEPS_MAX, `must be at most ${STEPS_MAX}`).optional(),
  guidance: z.number().min(0, "must not be negative").max(GUIDANCE_MAX, `must be at most ${GUIDANCE_MAX}`).optional(),
  seed: int("").min(0, "must not be negative").max(SEED_MAX, `must be at most ${SEED_MAX}`).optional(),
  width: int(" of pixels").positive("must be positive").optional(),
  height: int(" of pixels").positive("must be positive").optional(),
  count: int("").min(1, "must be at least 1").max(COUNT_MAX, `must be at most ${COUNT_MAX}`).optional(),
  scheduler: z.enum(SCHEDULER_NAMES, `must be one of ${SCHEDULER_NAMES.join(", ")}`).optional(),
  upscale: z.boolean().optional(),
});

const image = z.object({ assetId: z.string(), url: z.string(), thumbUrl: z.string(), width: z.number(), height: z.number() });
const when = z.date().nullable();

/** What every collaborator's panel relies on; more fields may come. */
const generationOut = z.object({
  id: z.string(),
  canvasId: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "canceled"]),
  prompt: z.string(),
  negativePrompt: z.string(),
  steps: z.number(),
  guidance: z.number(),
  seed: z.number(),
  width: z.number(),
  height: z.number(),
  count: z.number(),
  scheduler: z.string(),
  kind: z.enum(["generate", "printReady"]),
  upscale: z.boolean(),
  sourceAssetId: z.string().nullable(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  progress: z.number(),
  step: z.number(),
  totalSteps: z.number(),
  position: z.number().nullable(),
  previewUrl: z.string().nullable(),
  error: z.string().nullable(),
  modelName: z.string().nullable(),
  modelHash: z.string().nullable(),
  provider: z.string().nullable(),
  durationMs: z.number().nullable(),
  createdAt: z.date(),
  queuedAt: z.date(),
  startedAt: when,
  firstProgressAt: when,
  finishedAt: when,
  images: z.array(image),
});

export const generationRouter = router({
  /** What the installed model accepts, for the form's defaults and limits. */
  model: authedProcedure.query(() => {
    const m = readModelInfo();
    if (!m) return null;
    return {
      name: m.name,
      width: m.width,
      height: m.height,
      widths: sizeRange(m, m.width),
      heights: sizeRange(m, m.height),
      defaults: { steps: m.defaultSteps, guidance: m.defaultGuidance, scheduler: m.defaultScheduler },
      schedulers: SCHEDULER_NAMES,
      limits: { prompt: PROMPT_MAX, steps: STEPS_MAX, guidance: GUIDANCE_MAX, count: COUNT_MAX, seed: SEED_MAX },
    };
  }),

  create: canvasProcedure("editor")
    .input(createInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createGeneration(ctx.db, { userId: ctx.user.id }, ctx.access, input)),

  /** Queues the print-ready network for an image on the canvas; the result replaces `shapeId`'s image. */
  makePrintReady: canvasProcedure("editor")
    .input(z.object({ assetId: uuid, shapeId: z.string().min(1).max(64) }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => requestPrintReady(ctx.db, { userId: ctx.user.id }, ctx.access, input)),

  list: canvasProcedure("viewer")
    .output(z.array(generationOut))
    .query(({ ctx }) => listGenerations(ctx.db, ctx.access.canvas.id)),

  cancel: authedProcedure
    .input(z.object({ id: uuid }))
    .output(z.object({ status: z.literal("canceled") }))
    .mutation(({ ctx, input }) => cancelGeneration(ctx.db, { userId: ctx.user.id }, input.id)),

  retry: authedProcedure
    .input(z.object({ id: uuid }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => retryGeneration(ctx.db, { userId: ctx.user.id }, input.id)),

  /** The canvas's live queue over SSE: the whole list first, then again on every change. */
  events: canvasProcedure("viewer").subscription(({ ctx, signal }) => watchGenerations(ctx.db, ctx.user.id, ctx.access.canvas.id, signal)),
});
