import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/** The repository root, found from this file whether it runs as TypeScript or from the bundle. */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) || !fs.existsSync(path.join(dir, "next.config.ts"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("project root not found");
    dir = up;
  }
  cached = dir;
  return dir;
}
