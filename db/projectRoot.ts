import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The repository root, found from this file whether it runs as TypeScript or from the bundle
 * (inside Next's server build, where the file has no directory of its own, from the working one).
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = import.meta.dirname ?? process.cwd();
  // Not a file the build should trace: the root holds everything.
  while (!fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "package.json")) || !fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "next.config.ts"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error("project root not found");
    dir = up;
  }
  cached = dir;
  return dir;
}
