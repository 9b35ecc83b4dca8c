import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";

/**
 * The production build that `npm start` runs (`next build`, then the esbuild bundle of the start
 * script and the worker). `npm test` makes it once before the test files run and says so in
 * PRODUCTION_BUILD; a test file run alone makes what is missing (the bundle takes a second).
 */
export function ensureProductionBuild(): void {
  if (process.env.PRODUCTION_BUILD === "ready") return;
  const root = projectRoot();
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const bundled = spawnSync("npm", ["run", "bundle", "--silent"], { cwd: root, stdio: "inherit" });
  if (bundled.status !== 0) throw new Error("npm run bundle failed");
}
