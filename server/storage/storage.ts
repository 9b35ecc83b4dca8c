import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { env } from "../env";
import { s3ConfigFromEnv } from "./config";
import { createS3 } from "./s3";

/** An S3 client and the bucket it works in: what services take, so tests can pass their own. */
export type Storage = {
  s3: S3Client;
  bucket: string;
  /** Signs URLs for browsers when they reach S3 at another address than the server does. */
  presigner?: S3Client;
};

let shared: Storage | undefined;

/** The web process's storage, created on first use from the S3_* environment. */
export function getStorage(): Storage {
  if (!shared) {
    const config = s3ConfigFromEnv();
    const publicEndpoint = env().S3_PUBLIC_ENDPOINT;
    shared = {
      s3: createS3(config),
      bucket: config.bucket,
      presigner: publicEndpoint ? createS3({ ...config, endpoint: publicEndpoint }) : undefined,
    };
  }
  return shared;
}

export type ReadResult = { kind: "ok"; body: Buffer } | { kind: "missing" } | { kind: "tooLarge"; size: number };

/** Reads a whole object, but never more than `maxBytes` of it into memory. */
export async function readObject({ s3, bucket }: Storage, key: string, maxBytes: number): Promise<ReadResult> {
  let res;
  try {
    res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (e) {
    if (e instanceof NoSuchKey || (e as { name?: string }).name === "NotFound") return { kind: "missing" };
    throw e;
  }
  const stream = res.Body?.transformToWebStream();
  if (!stream) return { kind: "missing" };
  if ((res.ContentLength ?? 0) > maxBytes) {
    await stream.cancel();
    return { kind: "tooLarge", size: res.ContentLength! };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await stream.cancel().catch(() => {});
      return { kind: "tooLarge", size };
    }
    chunks.push(chunk);
  }
  return { kind: "ok", body: Buffer.concat(chunks) };
}

export async function writeObject({ s3, bucket }: Storage, key: string, body: Buffer, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

export async function deleteObject({ s3, bucket }: Storage, key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}

/** Deletes every object under `prefix`, a page of keys at a time; returns how many went. */
export async function deletePrefix({ s3, bucket }: Storage, prefix: string): Promise<number> {
  let deleted = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }));
    for (const o of page.Contents ?? []) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key! }));
      deleted++;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return deleted;
}
