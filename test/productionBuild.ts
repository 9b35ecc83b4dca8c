import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";

/**
 * The production build that `npm start` runs (`next build`, then the esbuild bundle of the start
 * script and the worker). `npm test` makes it once before the test files run and says so in
 * PRODUCTION_BUILD; test files run alone make what is missing, one at a time (a lock folder), since
 * two `next build`s in one checkout fail.
 */
export async function ensureProductionBuild(): Promise<void> {
  if (process.env.PRODUCTION_BUILD === "ready") return;
  const root = projectRoot();
  const lock = path.join(root, ".build-lock");
  for (const until = Date.now() + 600_000; ; ) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`${lock} is held: remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
      const built = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
      if (built.status !== 0) throw new Error("next build failed");
    }
    const bundled = spawnSync("npm", ["run", "bundle", "--silent"], { cwd: root, stdio: "inherit" });
    if (bundled.status !== 0) throw new Error("npm run bundle failed");
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
