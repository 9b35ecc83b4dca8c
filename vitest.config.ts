import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["test/globalSetup.ts"],
    // DATA_DIR is this run's own empty folder (made and removed by globalSetup), so mail that tests
    // send never lands in the app's own outbox, nor in another run's.
    setupFiles: ["test/runDataDir.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
