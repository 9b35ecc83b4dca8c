import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { AppError } from "../errors";
import { findServableAsset } from "../services/asset/assetService";
import { requireCanvasRole } from "../services/canvas/access";
import { jsonError } from "./requestGuards";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CACHE_CONTROL = "private, no-cache";

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
  try {
    await requireCanvasRole(db, session.user.id, asset.canvasId, "viewer");
  } catch (e) {
    if (e instanceof AppError) return notFound();
    throw e;
  }

  // An asset's bytes never change (print-ready makes a new asset), so its id is its ETag; the
  // browser revalidates every use (no-cache), and each revalidation checks membership again, so a
  // member who loses access stops seeing the image at once instead of after an hour of caching.
  const etag = `"${assetId}${thumb ? "-thumb" : ""}"`;
  if (req.headers.get("if-none-match") === etag) {
    const headers = new Headers({ etag, "cache-control": CACHE_CONTROL });
    if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
    return new Response(null, { status: 304, headers });
  }

  let object;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: asset.key }), { abortSignal: req.signal });
  } catch (e) {
    if (e instanceof NoSuchKey) return notFound();
    throw e;
  }
  const body = object.Body?.transformToWebStream();
  if (!body) return notFound();

  const headers = new Headers({
    "content-type": asset.contentType,
    "cache-control": CACHE_CONTROL,
    etag,
    "x-content-type-options": "nosniff",
  });
  if (object.ContentLength !== undefined) headers.set("content-length", String(object.ContentLength));
  if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
  return new Response(body, { status: 200, headers });
}
