import type { inferRouterOutputs } from "@trpc/server";
import { z } from "zod";
import { isAssetSrc } from "@/domain/document/assetSource";
import { assetProvenanceSchema, type AssetProvenance } from "@/domain/provenance";
import type { AppRouter } from "@/server/trpc/appRouter";


export type Generation = inferRouterOutputs<AppRouter>["generation"]["list"][number];
export type GenerationImage = Generation["images"][number];
export type ModelOptions = NonNullable<inferRouterOutputs<AppRouter>["generation"]["model"]>;

/** What a result dragged from the generation panel carries to the canvas. */
export const GENERATED_IMAGE_MIME = "application/x-merchboard-generated-image";

export type GeneratedImagePayload = { url: string; width: number; height: number; contentType: string; provenance: AssetProvenance };

export function provenanceOf(g: Generation): AssetProvenance {
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
  return { url: image.url, width: image.width, height: image.height, contentType: image.contentType, provenance: provenanceOf(g) };
}

const side = z.number().int().positive().max(8192);

const payloadSchema = z.object({
  url: z.string().refine(isAssetSrc),
  width: side,
  height: side,
  contentType: z.string().max(100),
  provenance: assetProvenanceSchema,
});

/** A result dropped from the generation panel, or null for anything else (another app's drag). */
export function readPayload(data: DataTransfer): GeneratedImagePayload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(data.getData(GENERATED_IMAGE_MIME) || "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type { GenerationSettings } from "@/domain/provenance";
