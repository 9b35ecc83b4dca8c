import path from "node:path";
import { projectRoot } from "@/db/projectRoot";

/** The model the project trains and ships, used unless MODEL_DIR names another. */
export const BUNDLED_MODEL_DIR = path.join(projectRoot(), "worker", "models", "merchboard-emoji");

export function modelDir(): string {
  return process.env.MODEL_DIR || BUNDLED_MODEL_DIR;
}
