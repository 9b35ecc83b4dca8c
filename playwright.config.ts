import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/** A port nobody listens on now (asked of the OS by a child process, since the config loads synchronously). */
function freePort(): number {
  const script = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

// The app's and its Postgres's ports are chosen free when the run starts, and handed to the specs
// (and to the worker processes, which load this file again) in the environment. E2E_PORT picks the
// app's port by hand; a run on its own port keeps its data in a folder of its own.
process.env.E2E_DATA_DIR ??= process.env.E2E_PORT ? `.data/e2e-${process.env.E2E_PORT}` : ".data/e2e";
process.env.E2E_PORT ??= String(freePort());
process.env.E2E_PG_PORT ??= String(freePort());
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: "npm run bundle --silent && node .build/scripts/start.mjs",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR: process.env.E2E_DATA_DIR,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT,
      APP_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
