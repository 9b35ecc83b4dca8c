import { z } from "zod";
import { GUIDANCE_MAX, PROMPT_MAX, SEED_MAX, STEPS_MAX } from "./generationParams";

/**
 * How an image was made, as the worker stores it with the asset (`assets.provenance`) and as
 * `asset.provenance` returns it; the editor shows and reuses it from there, never from the canvas
 * document.
 */

const MAX_SIDE = 8192;
const text = (max: number) => z.string().max(max);
const pixels = z.number().int().positive().max(MAX_SIDE);

/** What the print-ready network did to an image. */
export const printReadyProvenanceSchema = z.object({
  /** The asset it was made from; absent when it was upscaled as it was generated. */
  sourceAssetId: text(64).optional(),
  network: text(200),
  networkHash: text(64),
  scale: z.number().int().positive().max(64),
  cutout: z.literal(true),
  sourceWidth: pixels,
  sourceHeight: pixels,
  provider: text(20),
  durationMs: z.number().nonnegative(),
  /** Present when the upscaled image was traced to a vector (SVG). */
  vector: z.object({ colors: z.number().int().min(0).max(64), paths: z.number().int().min(0), tracer: text(40) }).optional(),
});
export type PrintReadyProvenance = z.infer<typeof printReadyProvenanceSchema>;

/**
 * The generation's settings and what ran them. An uploaded image made print-ready keeps an empty
 * record here (no prompt, 0 steps, 0 × 0) beside its `printReady`: see `isGenerated`.
 */
export const assetProvenanceSchema = z.object({
  generationId: text(64),
  prompt: text(PROMPT_MAX),
  negativePrompt: text(PROMPT_MAX),
  seed: z.number().int().min(0).max(SEED_MAX),
  steps: z.number().int().min(0).max(STEPS_MAX),
  guidance: z.number().min(0).max(GUIDANCE_MAX),
  scheduler: text(40),
  width: z.number().int().min(0).max(MAX_SIDE),
  height: z.number().int().min(0).max(MAX_SIDE),
  model: text(200),
  modelHash: text(64),
  provider: text(20),
  durationMs: z.number().nonnegative(),
  /** Present when the image went through the print-ready network. */
  printReady: printReadyProvenanceSchema.optional(),
});
export type AssetProvenance = z.infer<typeof assetProvenanceSchema>;

/** The settings a generation form is filled with to make more like an image. */
export type GenerationSettings = Pick<AssetProvenance, "prompt" | "negativePrompt" | "seed" | "steps" | "guidance" | "scheduler" | "width" | "height">;

/** True when the image came from a prompt (its settings can be shown and reused), not from an upload. */
export function isGenerated(p: AssetProvenance): boolean {
  return p.steps > 0 && p.width > 0 && p.height > 0;
}

/** Stored or client-written provenance, checked; null when it is not provenance we could have written. */
export function parseProvenance(value: unknown): AssetProvenance | null {
  const parsed = assetProvenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
