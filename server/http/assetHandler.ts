import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { findServableAsset } from "../services/asset/assetService";
import { serveCanvasObject } from "./canvasObject";
import { jsonError } from "./requestGuards";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strangers, missing assets and unready ones all look alike, so asset ids cannot be probed. */
const notFound = () => jsonError(404, "This image does not exist or you cannot see it.");

/**
 * GET /api/assets/<id>[?thumb=1]: streams a ready asset (or its thumbnail) to members of its
 * canvas. Cached by the browser only, and revalidated on every use, since access can be withdrawn.
 */
export async function handleAssetRequest(db: Db, s3: S3Client, bucket: string, req: Request, assetId: string): Promise<Response> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (!session) return jsonError(401, "Sign in to see this image.");
  if (!UUID.test(assetId)) return notFound();
  const thumb = new URL(req.url).searchParams.get("thumb") === "1";
  const asset = await findServableAsset(db, assetId, thumb);
  if (!asset) return notFound();
  // Print-ready makes a new asset, so an asset's bytes never change.
  return serveCanvasObject(db, s3, bucket, req, session, { ...asset, etag: `"${assetId}${thumb ? "-thumb" : ""}"` }, notFound);
}
