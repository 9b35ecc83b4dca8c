import path from "node:path";

/** The model the project trains and ships, used unless MODEL_DIR names another. */
export const BUNDLED_MODEL_DIR = path.resolve(import.meta.dirname, "..", "models", "merchboard-emoji");

export function modelDir(): string {
  return process.env.MODEL_DIR || BUNDLED_MODEL_DIR;
}
