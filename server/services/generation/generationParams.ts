import { AppError } from "../../errors";
import type { ModelInfo, SchedulerName } from "../../jobs/modelInfo";

export const PROMPT_MAX = 1000;
export const STEPS_MAX = 100;
export const GUIDANCE_MAX = 30;
export const COUNT_MAX = 4;
export const SEED_MAX = 2 ** 32 - 1;

export type GenerationRequest = {
  prompt: string;
  negativePrompt?: string;
  steps?: number;
  guidance?: number;
  seed?: number;
  width?: number;
  height?: number;
  count?: number;
  scheduler?: SchedulerName;
  /** Make each image print-ready (16×, with a transparent background) before storing it. */
  upscale?: boolean;
};

export type GenerationParams = Required<GenerationRequest>;

/** The sizes a model runs: multiples of its step from half to twice its native size, or just that one. */
export function sizeRange(model: ModelInfo, native: number): { min: number; max: number; step: number } {
  const step = model.sizeStep;
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
    upscale: req.upscale ?? false,
  };
  checkSize("width", params.width, model);
  checkSize("height", params.height, model);
  return params;
}
