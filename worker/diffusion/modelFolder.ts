import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readModelMetadata, type ModelInfo } from "@/server/services/model/modelFolder";

/** A model folder ready to run: its metadata (read by the shared reader), the weights' paths and the model's hash. */
export type ModelFolder = ModelInfo & {
  hash: string;
  files: { textEncoder: string; unet: string; vaeDecoder: string; tokenizer: string };
};

const REQUIRED = ["model_index.json", "tokenizer/vocab.json", "tokenizer/merges.txt", "text_encoder/model.onnx", "unet/model.onnx", "vae_decoder/model.onnx", "scheduler/scheduler_config.json"];

/** Reads and checks a model folder in Stable Diffusion's ONNX layout; a missing part is a clear error. */
export function readModelFolder(dir: string): ModelFolder {
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) throw new Error(`The model folder ${dir} is missing ${missing.join(", ")}`);
  const metadata = readModelMetadata(dir);
  return {
    ...metadata,
    hash: metadata.version ?? hashOf(path.join(dir, "unet", "model.onnx")),
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
