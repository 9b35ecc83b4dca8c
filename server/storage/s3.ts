import { CreateBucketCommand, HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { countStorageErrors } from "../metrics/storageMetrics";

export type S3Config = { endpoint?: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** The one storage code path: AWS, R2, MinIO and the embedded server all go through this client. */
export function createS3(config: S3Config): S3Client {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: !!config.endpoint,
    // Otherwise presigned PUTs carry the checksum of an empty body and real S3/R2/MinIO refuse uploads.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  countStorageErrors(client);
  return client;
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

export async function storageAnswers(s3: S3Client, bucket: string, timeoutMs = 2000): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
