import type { inferRouterOutputs } from "@trpc/server";
import { z } from "zod";
import type { AppRouter } from "@/server/trpc/appRouter";
import type { ImageProvenance } from "../editor/store/shapeTypes";

export type Generation = inferRouterOutputs<AppRouter>["generation"]["list"][number];
export type GenerationImage = Generation["images"][number];
export type ModelOptions = NonNullable<inferRouterOutputs<AppRouter>["generation"]["model"]>;

/** What a result dragged from the generation panel carries to the canvas. */
export const GENERATED_IMAGE_MIME = "application/x-merchboard-generated-image";

export type GeneratedImagePayload = { url: string; width: number; height: number; provenance: ImageProvenance };

export function provenanceOf(g: Generation): ImageProvenance {
  return {
    generationId: g.id,
    prompt: g.prompt,
    negativePrompt: g.negativePrompt,
    seed: g.seed,
    steps: g.steps,
    guidance: g.guidance,
    scheduler: g.scheduler,
    width: g.width,
    height: g.height,
    model: g.modelName ?? "",
    modelHash: g.modelHash ?? "",
    provider: g.provider ?? "",
    durationMs: g.durationMs ?? 0,
  };
}

export function payloadOf(g: Generation, image: GenerationImage): GeneratedImagePayload {
  return { url: image.url, width: image.width, height: image.height, provenance: provenanceOf(g) };
}

const side = z.number().int().positive().max(8192);
const text = (max: number) => z.string().max(max);

/** Provenance as stored on a canvas object; anything a collaborator's client wrote is checked. */
const provenanceSchema = z.object({
  generationId: text(64),
  prompt: text(1000),
  negativePrompt: text(1000),
  seed: z.number().int().nonnegative(),
  steps: z.number().int().positive().max(1000),
  guidance: z.number().min(0).max(100),
  scheduler: text(40),
  width: side,
  height: side,
  model: text(200),
  modelHash: text(64),
  provider: text(20),
  durationMs: z.number().nonnegative(),
  printReady: z
    .object({
      sourceAssetId: text(64).optional(),
      network: text(200),
      networkHash: text(64),
      scale: z.number().int().positive().max(64),
      cutout: z.literal(true),
      sourceWidth: side,
      sourceHeight: side,
      provider: text(20),
      durationMs: z.number().nonnegative(),
    })
    .optional(),
});

const payloadSchema = z.object({
  url: z.string().regex(/^\/api\/assets\/[0-9a-f-]{36}$/),
  width: side,
  height: side,
  provenance: provenanceSchema,
});

export function parseProvenance(value: unknown): ImageProvenance | null {
  const parsed = provenanceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A result dropped from the generation panel, or null for anything else (another app's drag). */
export function readPayload(data: DataTransfer): GeneratedImagePayload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(data.getData(GENERATED_IMAGE_MIME) || "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The settings a form is filled with to make more like an image. */
export type GenerationSettings = Pick<ImageProvenance, "prompt" | "negativePrompt" | "seed" | "steps" | "guidance" | "scheduler" | "width" | "height">;
