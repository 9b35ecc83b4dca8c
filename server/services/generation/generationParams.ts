import { GENERATION_LIMITS, SCHEDULER_NAMES, type GenerationParams, type GenerationRequest, type ModelOptions } from "@/domain/generationParams";
import { AppError } from "../../errors";
import { readModelInfo, type ModelInfo } from "../model/modelFolder";

/** The sizes a model runs: multiples of its step from half to twice its native size, or just that one. */
export function sizeRange(model: ModelInfo, native: number): { min: number; max: number; step: number } {
  const step = model.downsample;
  if (model.fixedSize) return { min: native, max: native, step };
  return { min: Math.max(step, Math.ceil(native / 2 / step) * step), max: Math.floor((native * 2) / step) * step, step };
}

function checkSize(field: "width" | "height", value: number, model: ModelInfo): void {
  const { min, max, step } = sizeRange(model, field === "width" ? model.width : model.height);
  if (value < min || value > max || value % step !== 0) {
    const rule = min === max ? `must be ${min} for this model` : `must be a multiple of ${step} between ${min} and ${max}`;
    throw new AppError("BAD_REQUEST", "generation.size", `${field}: ${rule}`);
  }
}

/** Fills what the request left out from the model's defaults and checks what depends on the model. */
export function resolveParams(req: GenerationRequest, model: ModelInfo, randomSeed: () => number): GenerationParams {
  const params: GenerationParams = {
    prompt: req.prompt,
    negativePrompt: req.negativePrompt ?? "",
    steps: req.steps ?? model.defaultSteps,
    guidance: req.guidance ?? model.defaultGuidance,
    seed: req.seed ?? randomSeed(),
    width: req.width ?? model.width,
    height: req.height ?? model.height,
    count: req.count ?? 1,
    scheduler: req.scheduler ?? model.defaultScheduler,
    upscale: (req.upscale ?? false) || req.output === "vector",
    output: req.output ?? "raster",
    colors: req.output === "vector" ? (req.colors ?? null) : null,
  };
  checkSize("width", params.width, model);
  checkSize("height", params.height, model);
  return params;
}

/** What the installed model accepts, for a form's defaults and limits; null when none is installed. */
export function describeModel(): ModelOptions | null {
  const m = readModelInfo();
  if (!m) return null;
  return {
    name: m.name,
    width: m.width,
    height: m.height,
    widths: sizeRange(m, m.width),
    heights: sizeRange(m, m.height),
    defaults: { steps: m.defaultSteps, guidance: m.defaultGuidance, scheduler: m.defaultScheduler },
    schedulers: [...SCHEDULER_NAMES],
    limits: { ...GENERATION_LIMITS },
  };
}
