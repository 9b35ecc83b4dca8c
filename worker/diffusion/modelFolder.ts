import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { schedulerConfigSchema, type SchedulerConfig } from "./schedulers/config";

export type ModelFolder = {
  dir: string;
  name: string;
  hash: string;
  width: number;
  height: number;
  downsample: number;
  latentChannels: number;
  scalingFactor: number;
  scheduler: SchedulerConfig;
  files: { textEncoder: string; unet: string; vaeDecoder: string; tokenizer: string };
};

const REQUIRED = ["model_index.json", "tokenizer/vocab.json", "tokenizer/merges.txt", "text_encoder/model.onnx", "unet/model.onnx", "vae_decoder/model.onnx", "scheduler/scheduler_config.json"];

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Reads and checks a model folder in Stable Diffusion's ONNX layout; a missing part is a clear error. */
export function readModelFolder(dir: string): ModelFolder {
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) throw new Error(`The model folder ${dir} is missing ${missing.join(", ")}`);
  const index = readJson(path.join(dir, "model_index.json"));
  const vaePath = path.join(dir, "vae_decoder", "config.json");
  const vae = fs.existsSync(vaePath) ? readJson(vaePath) : {};
  const scheduler = schedulerConfigSchema.parse(readJson(path.join(dir, "scheduler", "scheduler_config.json")));
  const downsample = Number(vae.downsample_factor ?? 8);
  const size = Number(vae.sample_size ?? index.width ?? 512);
  const hash = typeof index.version === "string" ? index.version : hashOf(path.join(dir, "unet", "model.onnx"));
  return {
    dir,
    name: typeof index.name === "string" ? index.name : path.basename(dir),
    hash,
    width: Number(index.width ?? size),
    height: Number(index.height ?? size),
    downsample,
    latentChannels: Number(vae.latent_channels ?? 4),
    scalingFactor: Number(vae.scaling_factor ?? 0.18215),
    scheduler,
    files: {
      textEncoder: path.join(dir, "text_encoder", "model.onnx"),
      unet: path.join(dir, "unet", "model.onnx"),
      vaeDecoder: path.join(dir, "vae_decoder", "model.onnx"),
      tokenizer: path.join(dir, "tokenizer"),
    },
  };
}

function hashOf(file: string): string {
  const h = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  const buf = Buffer.alloc(1 << 20);
  let n: number;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  fs.closeSync(fd);
  return h.digest("hex").slice(0, 16);
}
