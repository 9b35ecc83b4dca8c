import type { inferRouterOutputs } from "@trpc/server";
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

export function readPayload(data: DataTransfer): GeneratedImagePayload | null {
  const raw = data.getData(GENERATED_IMAGE_MIME);
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as GeneratedImagePayload;
    return typeof p.url === "string" && p.url.startsWith("/api/assets/") && p.provenance ? p : null;
  } catch {
    return null;
  }
}

/** The settings a form is filled with to make more like an image. */
export type GenerationSettings = Pick<ImageProvenance, "prompt" | "negativePrompt" | "seed" | "steps" | "guidance" | "scheduler" | "width" | "height">;
