import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";

/** The model the project trains and ships, used unless MODEL_DIR names another. */
export function bundledModelDir(): string {
  return path.join(projectRoot(), "worker", "models", "merchboard-emoji");
}

export const SCHEDULER_NAMES = ["ddim", "euler_a", "lcm"] as const;
export type SchedulerName = (typeof SCHEDULER_NAMES)[number];

export function modelDir(): string {
  return process.env.MODEL_DIR || bundledModelDir();
}

/** What the web process needs to know about the model to validate requests, without loading it. */
export type ModelInfo = {
  name: string;
  width: number;
  height: number;
  /** Sizes must be multiples of this (the autoencoder's downsampling). */
  sizeStep: number;
  /** Exported with fixed image dimensions (our model_index says its size): only that size runs. */
  fixedSize: boolean;
  defaultScheduler: SchedulerName;
  defaultSteps: number;
  defaultGuidance: number;
};

const cache = new Map<string, ModelInfo>();

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function schedulerFromClass(className: string): SchedulerName {
  if (className.startsWith("LCM")) return "lcm";
  if (className.startsWith("EulerAncestral")) return "euler_a";
  return "ddim";
}

/** Reads model_index.json and the scheduler config once; null when the folder is not a model. */
export function readModelInfo(dir = modelDir()): ModelInfo | null {
  const cached = cache.get(dir);
  if (cached) return cached;
  const index = readJson(path.join(dir, "model_index.json"));
  const scheduler = readJson(path.join(dir, "scheduler", "scheduler_config.json"));
  const vae = readJson(path.join(dir, "vae_decoder", "config.json")) ?? {};
  let info: ModelInfo | null = null;
  if (index && scheduler) {
    const size = Number(vae.sample_size ?? index.width ?? 512);
    const kind = schedulerFromClass(String(scheduler._class_name ?? ""));
    info = {
      name: typeof index.name === "string" ? index.name : path.basename(dir),
      width: Number(index.width ?? size),
      height: Number(index.height ?? size),
      sizeStep: Number(vae.downsample_factor ?? 8),
      fixedSize: index.width !== undefined && index.height !== undefined,
      defaultScheduler: kind,
      defaultSteps: kind === "lcm" ? 4 : 20,
      defaultGuidance: kind === "lcm" ? 1 : 4,
    };
  }
  // A folder that is not a model yet is read again next time, so installing one needs no restart.
  if (info) cache.set(dir, info);
  return info;
}
