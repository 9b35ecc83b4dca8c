import { z } from "zod";

/** A generation's life: queued → running → succeeded | failed | canceled (a retry queues it again). */
export const GENERATION_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** What "make print-ready" produces: the upscaled PNG, or that PNG traced to a flat-colour SVG. */
export const PRINT_OUTPUTS = ["raster", "vector"] as const;
export type PrintOutput = (typeof PRINT_OUTPUTS)[number];
/** A vector's colour count when the user picks one. */
export const VECTOR_COLORS = { min: 2, max: 16 } as const;

export const generationImageSchema = z.object({
  assetId: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number(),
  height: z.number(),
  /** "image/svg+xml" for a vector. */
  contentType: z.string(),
});
export type GenerationImage = z.infer<typeof generationImageSchema>;

const when = z.date().nullable();

/**
 * One generation as every collaborator on its canvas sees it: `generation.list`'s items and each
 * list that `generation.events` streams. What every panel relies on; more fields may come.
 */
export const generationViewSchema = z.object({
  id: z.string(),
  canvasId: z.string(),
  status: z.enum(GENERATION_STATUSES),
  prompt: z.string(),
  negativePrompt: z.string(),
  steps: z.number(),
  guidance: z.number(),
  seed: z.number(),
  width: z.number(),
  height: z.number(),
  count: z.number(),
  scheduler: z.string(),
  /** "printReady": a request to make an image print-ready; "generate": a prompt's images. */
  kind: z.enum(["generate", "printReady"]),
  /** The images are (or will be) print-ready: 16× with a transparent background. */
  upscale: z.boolean(),
  output: z.enum(PRINT_OUTPUTS),
  /** A vector's chosen colour count; null: automatic (or a raster). */
  colors: z.number().nullable(),
  /** The prompt as the model read it ("빨간 하트" → "red heart"); null when read as written. */
  understood: z.string().nullable(),
  sourceAssetId: z.string().nullable(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** 0 to 1. */
  progress: z.number(),
  step: z.number(),
  totalSteps: z.number(),
  /** 1 = next to run; null when not queued. */
  position: z.number().nullable(),
  /** Waiting on a canvas whose owner paused its queue. */
  paused: z.boolean(),
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
  images: z.array(generationImageSchema),
});
export type GenerationView = z.infer<typeof generationViewSchema>;
