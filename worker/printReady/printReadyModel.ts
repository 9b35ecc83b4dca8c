import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "@/db/projectRoot";

/** The print-ready network the project trains and ships, used unless PRINT_READY_DIR names another. */
export function printReadyModelDir(): string {
  return process.env.PRINT_READY_DIR || path.join(projectRoot(), "worker", "models", "merchboard-print-ready");
}

const configSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  scale: z.number().int().min(2).max(32),
  tile: z.number().int().min(8).max(1024),
  tile_margin: z.number().int().min(0).max(256),
});

export type PrintReadyModel = {
  name: string;
  /** The first 16 hex digits of the ONNX file's SHA-256, as the recipe wrote it. */
  hash: string;
  scale: number;
  tile: number;
  tileMargin: number;
  file: string;
};

/** Reads the folder's config.json; throws with what is wrong when the folder is not the network. */
export function readPrintReadyModel(dir = printReadyModelDir()): PrintReadyModel {
  const file = path.join(dir, "model.onnx");
  if (!fs.existsSync(file)) throw new Error(`${dir} has no model.onnx`);
  const config = configSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8")));
  return { name: config.name, hash: config.version, scale: config.scale, tile: config.tile, tileMargin: config.tile_margin, file };
}
