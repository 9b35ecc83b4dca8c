import { z } from "zod";
import { PRINT_OUTPUTS, VECTOR_COLORS } from "./generationView";

/**
 * What a generation request may ask for, and its limits: the one description that the tRPC input,
 * the stored provenance and the client's checks of it all derive from. What depends on the
 * installed model (sizes, defaults) is checked on the server against the model folder.
 */

export const PROMPT_MAX = 1000;
export const STEPS_MAX = 100;
export const GUIDANCE_MAX = 30;
export const COUNT_MAX = 4;
export const SEED_MAX = 2 ** 32 - 1;

/** Our names for the samplers the worker implements. */
export const SCHEDULER_NAMES = ["ddim", "euler_a", "lcm"] as const;
export type SchedulerName = (typeof SCHEDULER_NAMES)[number];

const int = (what: string) => z.number().int(`must be a whole number${what}`);

export const promptSchema = z.string().trim().min(1, "must not be empty").max(PROMPT_MAX, `must be at most ${PROMPT_MAX} characters`);
export const negativePromptSchema = z.string().trim().max(PROMPT_MAX, `must be at most ${PROMPT_MAX} characters`);
export const stepsSchema = int(" of steps").min(1, "must be at least 1").max(STEPS_MAX, `must be at most ${STEPS_MAX}`);
export const guidanceSchema = z.number().min(0, "must not be negative").max(GUIDANCE_MAX, `must be at most ${GUIDANCE_MAX}`);
export const seedSchema = int("").min(0, "must not be negative").max(SEED_MAX, `must be at most ${SEED_MAX}`);
export const countSchema = int("").min(1, "must be at least 1").max(COUNT_MAX, `must be at most ${COUNT_MAX}`);
export const schedulerSchema = z.enum(SCHEDULER_NAMES, `must be one of ${SCHEDULER_NAMES.join(", ")}`);

/** A request for images; what it leaves out comes from the model's defaults. */
export const generationRequestSchema = z.object({
  prompt: promptSchema,
  negativePrompt: negativePromptSchema.optional(),
  steps: stepsSchema.optional(),
  guidance: guidanceSchema.optional(),
  seed: seedSchema.optional(),
  width: int(" of pixels").positive("must be positive").optional(),
  height: int(" of pixels").positive("must be positive").optional(),
  count: countSchema.optional(),
  scheduler: schedulerSchema.optional(),
  /** Make each image print-ready (16×, with a transparent background) before storing it. */
  upscale: z.boolean().optional(),
  /** A print-ready image as a raster, or traced to a vector ("vector" implies `upscale`). */
  output: z.enum(PRINT_OUTPUTS).optional(),
  /** A vector's colour count; absent or null: automatic. */
  colors: int("").min(VECTOR_COLORS.min, `must be at least ${VECTOR_COLORS.min}`).max(VECTOR_COLORS.max, `must be at most ${VECTOR_COLORS.max}`).nullable().optional(),
});

export type GenerationRequest = z.infer<typeof generationRequestSchema>;
/** A request with every default filled in: what a generation row stores. */
export type GenerationParams = Required<GenerationRequest>;

/** The limits a form shows, as the server applies them. */
export const GENERATION_LIMITS = { prompt: PROMPT_MAX, steps: STEPS_MAX, guidance: GUIDANCE_MAX, count: COUNT_MAX, seed: SEED_MAX } as const;

const sizeRangeSchema = z.object({ min: z.number(), max: z.number(), step: z.number() });

/** What the installed model accepts (`generation.model`): a form's defaults, sizes and limits. */
export const modelOptionsSchema = z.object({
  name: z.string(),
  width: z.number(),
  height: z.number(),
  widths: sizeRangeSchema,
  heights: sizeRangeSchema,
  defaults: z.object({ steps: z.number(), guidance: z.number(), scheduler: z.enum(SCHEDULER_NAMES) }),
  schedulers: z.array(z.enum(SCHEDULER_NAMES)),
  limits: z.object({ prompt: z.number(), steps: z.number(), guidance: z.number(), count: z.number(), seed: z.number() }),
});
export type ModelOptions = z.infer<typeof modelOptionsSchema>;
