import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "@/db/projectRoot";
import type { SchedulerName } from "@/domain/generationParams";

/**
 * The one reader of a diffusion model folder (Stable Diffusion's ONNX layout): the web process
 * reads it to validate requests and describe the model, the worker (worker/diffusion/modelFolder)
 * to load it, adding only what running needs (the weights' paths and hash).
 */

/** The model the project trains and ships, used unless MODEL_DIR names another. */
export function bundledModelDir(): string {
  return path.join(projectRoot(), "worker", "models", "merchboard-emoji");
}

export function modelDir(): string {
  return process.env.MODEL_DIR || bundledModelDir();
}

/** The fields of a diffusers `scheduler_config.json` that our schedulers read. */
export const schedulerConfigSchema = z.object({
  _class_name: z.string().default("DDIMScheduler"),
  num_train_timesteps: z.number().int().positive().default(1000),
  beta_start: z.number().positive().default(0.00085),
  beta_end: z.number().positive().default(0.012),
  beta_schedule: z.enum(["linear", "scaled_linear"]).default("scaled_linear"),
  prediction_type: z.enum(["epsilon", "v_prediction", "sample"]).default("epsilon"),
  set_alpha_to_one: z.boolean().default(false),
  steps_offset: z.number().int().default(0),
  timestep_spacing: z.enum(["leading", "trailing", "linspace"]).default("leading"),
  original_inference_steps: z.number().int().positive().default(50),
  timestep_scaling: z.number().positive().default(10),
});

export type SchedulerConfig = z.infer<typeof schedulerConfigSchema>;

/** Our sampler for a diffusers scheduler class. */
export function schedulerFromClass(className: string): SchedulerName {
  if (className.startsWith("LCM")) return "lcm";
  if (className.startsWith("EulerAncestral")) return "euler_a";
  return "ddim";
}

/** What a model folder says about itself in its JSON files; the weights are not opened. */
export type ModelInfo = {
  dir: string;
  name: string;
  /** model_index.json's `version`, when the export wrote one (ours do): the model's identity. */
  version: string | null;
  width: number;
  height: number;
  /** The autoencoder's downsampling: image sides must be multiples of it. */
  downsample: number;
  /** Exported with fixed image dimensions (our model_index says its size): only that size runs. */
  fixedSize: boolean;
  latentChannels: number;
  scalingFactor: number;
  scheduler: SchedulerConfig;
  defaultScheduler: SchedulerName;
  defaultSteps: number;
  defaultGuidance: number;
};

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Reads model_index.json, the scheduler config and the decoder's config; throws when one is missing or invalid. */
export function readModelMetadata(dir: string): ModelInfo {
  const index = readJson(path.join(dir, "model_index.json"));
  const scheduler = schedulerConfigSchema.parse(readJson(path.join(dir, "scheduler", "scheduler_config.json")));
  const vaePath = path.join(dir, "vae_decoder", "config.json");
  const vae = fs.existsSync(vaePath) ? readJson(vaePath) : {};
  const size = Number(vae.sample_size ?? index.width ?? 512);
  const defaultScheduler = schedulerFromClass(scheduler._class_name);
  return {
    dir,
    name: typeof index.name === "string" ? index.name : path.basename(dir),
    version: typeof index.version === "string" ? index.version : null,
    width: Number(index.width ?? size),
    height: Number(index.height ?? size),
    downsample: Number(vae.downsample_factor ?? 8),
    fixedSize: index.width !== undefined && index.height !== undefined,
    latentChannels: Number(vae.latent_channels ?? 4),
    scalingFactor: Number(vae.scaling_factor ?? 0.18215),
    scheduler,
    defaultScheduler,
    defaultSteps: defaultScheduler === "lcm" ? 4 : 20,
    defaultGuidance: defaultScheduler === "lcm" ? 1 : 4,
  };
}

const cache = new Map<string, ModelInfo>();

/** The installed model's metadata, read once per folder; null when the folder is not a model (yet). */
export function readModelInfo(dir = modelDir()): ModelInfo | null {
  const cached = cache.get(dir);
  if (cached) return cached;
  let info: ModelInfo | null = null;
  try {
    info = readModelMetadata(dir);
  } catch {
    info = null;
  }
  // A folder that is not a model yet is read again next time, so installing one needs no restart.
  if (info) cache.set(dir, info);
  return info;
}
