import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { resetEnvCache } from "@/server/env";
import { ensureBucket } from "@/server/storage/s3";
import { getStorage, type Storage } from "@/server/storage/storage";

/** The run's S3 server with a bucket of this test file's own, set in the environment the app reads. */
export async function freshBucket(prefix: string): Promise<Storage> {
  process.env.S3_ENDPOINT = inject("s3Endpoint");
  process.env.S3_BUCKET = `${prefix}-${randomBytes(4).toString("hex")}`;
  resetEnvCache();
  const storage = getStorage();
  await ensureBucket(storage.s3, storage.bucket);
  return storage;
}
