import { env } from "../env";
import type { S3Config } from "./s3";

export function s3ConfigFromEnv(): S3Config {
  const e = env();
  return {
    endpoint: e.S3_ENDPOINT,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
  };
}
