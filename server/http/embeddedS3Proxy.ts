import http from "node:http";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets } from "@/db/schema";
import { s3ConfigFromEnv } from "../storage/config";
import { UPLOAD_URL_TTL_SECONDS } from "../storage/presign";
import { checkPresignedRequest, type SigningKey } from "../storage/presignedCheck";
import { log } from "@/server/log";

export const EMBEDDED_S3_PREFIX = "/s3/";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UPLOAD_PATH = new RegExp(`^/s3/([a-z0-9.-]{3,63})/uploads/(${UUID})/(${UUID})/original(?:\\?.*)?$`);

/**
 * The embedded S3 server listens on loopback only and checks no signatures, so the browser's
 * presigned uploads reach it through the app's origin, and only this way: a PUT to the upload key
 * of a pending asset, no larger than declared, within the upload URL's lifetime, carrying the
 * signature our server made for exactly that key, size and type (checked here, with our secret
 * key, as S3 would check it).
 */
export function createEmbeddedS3Proxy(db: Db, target: string, bucket: string, signing: SigningKey = s3ConfigFromEnv()) {
  const upstream = new URL(target);
  // Every request gets an answer: a failure anywhere (the database down) is a 503, never a hang.
  return async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      await forwardUpload(req, res);
    } catch (e) {
      log.error({ err: e }, "s3-proxy: failed");
      refuse(res, 503, "Storage is unavailable");
    }
  };

  async function forwardUpload(req: http.IncomingMessage, res: http.ServerResponse) {
    const m = req.url?.match(UPLOAD_PATH);
    if (req.method !== "PUT" || !m || m[1] !== bucket) return refuse(res, 403, "Only presigned uploads are accepted here");
    const signed = checkPresignedRequest({ method: req.method, url: req.url!, headers: req.headers }, signing);
    if (!signed.ok) return refuse(res, 403, `This upload URL is not valid (${signed.reason})`);
    const [, , canvasId, assetId] = m;
    const since = new Date(Date.now() - UPLOAD_URL_TTL_SECONDS * 1000);
    const [asset] = await db
      .select({ declaredSize: assets.declaredSize })
      .from(assets)
      .where(and(eq(assets.id, assetId!), eq(assets.canvasId, canvasId!), eq(assets.status, "pending"), gt(assets.createdAt, since)));
    if (!asset) return refuse(res, 403, "This upload URL is not valid or has expired");
    const length = Number(req.headers["content-length"] ?? NaN);
    if (!Number.isFinite(length) || length > asset.declaredSize) return refuse(res, 413, "The upload is larger than declared");
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: "PUT",
        path: req.url!.slice(EMBEDDED_S3_PREFIX.length - 1),
        headers: { "content-type": req.headers["content-type"] ?? "application/octet-stream", "content-length": String(length) },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { etag: up.headers.etag ?? "" });
        up.pipe(res);
      },
    );
    forward.on("error", () => refuse(res, 502, "Storage is unavailable"));
    req.pipe(forward);
  }
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" });
  res.end(message);
}
