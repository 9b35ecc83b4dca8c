import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { missingRecipePrerequisites } from "../worker/recipe/prerequisites";
import { summarisePlaywright, summariseVitest, type PlaywrightReport, type SuiteSummary, type VitestReport } from "./testReport";

/**
 * `npm test`: a production build, then every unit and integration test (vitest, real embedded
 * Postgres and S3), then the Playwright journeys on Debian's Chromium. Ends with `N passed, N failed`.
 */
const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env }).status ?? 1;

fs.rmSync(path.join(root, "test-results"), { recursive: true, force: true });
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
fs.mkdirSync(path.join(root, "e2e", "screenshots"), { recursive: true });


/** Installs Debian packages a fresh machine lacks, when this is Debian and we are root; the tests that need them say what is missing. */
function aptInstall(packages: string[], why: string): void {
  if (!packages.length || process.getuid?.() !== 0 || !fs.existsSync("/usr/bin/apt-get")) return;
  console.log(`Installing Debian's ${packages.join(", ")} (${why}), once.`);
  const cmd = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")} >/dev/null`;
  spawnSync("sh", ["-c", cmd], { stdio: "inherit" });
}

// The model recipe's smoke test trains on Debian's torch and reads Debian's emoji font and CLDR.
aptInstall(missingRecipePrerequisites(), "for the model recipe's test");

console.log("\n== build ==");
// The production build that `npm start` runs: the Next.js build and the bundle of the start script
// and the worker. Test files that start the whole app use this one instead of building again.
const buildStatus = run(bin("next"), ["build"]) || run("npm", ["run", "bundle", "--silent"]);
if (buildStatus === 0) env.PRODUCTION_BUILD = "ready";

const suites: SuiteSummary[] = [];

console.log("\n== unit and integration (vitest) ==");
const vitestExit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]);
suites.push(summariseVitest(readJson<VitestReport>("test-results/unit.json"), vitestExit));

console.log("\n== end to end (Playwright, Chromium) ==");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) aptInstall(["chromium"], "for the end-to-end tests");
if (!fs.existsSync(chromium)) {
  suites.push({ name: "playwright", passed: 0, failed: 1, skipped: 0, problems: [`Chromium not found at ${chromium}: install Debian's chromium package (.ci/run does)`] });
} else if (buildStatus === 0) {
  const playwrightExit = run(bin("playwright"), ["test"]);
  suites.push(summarisePlaywright(readJson<PlaywrightReport>("test-results/e2e.json"), playwrightExit));
} else {
  suites.push({ name: "playwright", passed: 0, failed: 1, skipped: 0, problems: ["not run: the build failed"] });
}

console.log("");
if (buildStatus !== 0) console.log("build: FAILED");
for (const s of suites) {
  console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  for (const p of s.problems) console.log(`  ${s.name}: ${p}`);
}
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0) + (buildStatus !== 0 ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

function readJson<T>(rel: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, rel), "utf8")) as T;
  } catch {
    return null;
  }
}
