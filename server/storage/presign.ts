import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Storage } from "./storage";

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;

export type PresignedPut = { url: string; method: "PUT"; headers: Record<string, string>; expiresAt: Date };

/**
 * A URL that accepts one PUT of exactly `size` bytes of `contentType`: both are signed headers, so
 * the store refuses any other length or type (where it checks signatures; the embedded one does not,
 * which is why the server checks the size again when the upload completes). No checksum is
 * signed: the client is created with `requestChecksumCalculation: "WHEN_REQUIRED"`.
 */
export async function presignPut(storage: Storage, key: string, contentType: string, size: number): Promise<PresignedPut> {
  const command = new PutObjectCommand({ Bucket: storage.bucket, Key: key, ContentType: contentType, ContentLength: size });
  const url = await getSignedUrl(storage.presigner ?? storage.s3, command, {
    expiresIn: UPLOAD_URL_TTL_SECONDS,
    signableHeaders: new Set(["content-type", "content-length"]),
  });
  return {
    url,
    method: "PUT",
    headers: { "Content-Type": contentType },
    expiresAt: new Date(Date.now() + UPLOAD_URL_TTL_SECONDS * 1000),
  };
}
