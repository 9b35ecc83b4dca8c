import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/db/embedded";
import { startLocalS3 } from "@/server/storage/localS3";
import { freePort } from "./freePort";

declare module "vitest" {
  export interface ProvidedContext {
    pgPort: number;
    s3Endpoint: string;
    dataDir: string;
  }
}

/** One real Postgres and one real S3 server for the whole run; each test file makes its own database. */
export default async function setup(project: TestProject) {
  // A folder per run: runs started side by side (two people in one checkout) must not delete
  // each other's Postgres.
  fs.mkdirSync(path.resolve(".data"), { recursive: true });
  const dir = fs.mkdtempSync(path.resolve(".data/test-"));
  const pgPort = await freePort();
  const pg = await startEmbeddedPostgres(`${dir}/postgres`, pgPort, () => {});
  const s3 = await startLocalS3(`${dir}/s3`, 0, "merchboard-test");
  project.provide("pgPort", pgPort);
  project.provide("s3Endpoint", s3.endpoint);
  fs.mkdirSync(`${dir}/data`);
  project.provide("dataDir", `${dir}/data`);
  return async () => {
    await s3.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
