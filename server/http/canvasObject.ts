import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import type { validateSession } from "../auth/sessions";
import { AppError } from "../errors";
import { requireCanvasRole } from "../services/canvas/access";

type Session = NonNullable<Awaited<ReturnType<typeof validateSession>>>;

export type CanvasObject = { canvasId: string; key: string; contentType: string; etag: string; fileName?: string };

const CACHE_CONTROL = "private, no-cache";

/**
 * Streams a canvas's stored object to a member: access is checked on every request, the browser
 * caches it only privately and revalidates each use (an object's bytes never change, so its id is
 * its ETag), and anything not servable answers `notFound()`, alike for strangers and missing objects.
 */
export async function serveCanvasObject(db: Db, s3: S3Client, bucket: string, req: Request, session: Session, object: CanvasObject, notFound: () => Response): Promise<Response> {
  try {
    await requireCanvasRole(db, session.user.id, object.canvasId, "viewer");
  } catch (e) {
    if (e instanceof AppError) return notFound();
    throw e;
  }
  const headers = new Headers({ etag: object.etag, "cache-control": CACHE_CONTROL });
  if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
  if (req.headers.get("if-none-match") === object.etag) return new Response(null, { status: 304, headers });

  let stored;
  try {
    stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: object.key }), { abortSignal: req.signal });
  } catch (e) {
    if (e instanceof NoSuchKey) return notFound();
    throw e;
  }
  const body = stored.Body?.transformToWebStream();
  if (!body) return notFound();
  headers.set("content-type", object.contentType);
  headers.set("x-content-type-options", "nosniff");
  if (object.fileName) headers.set("content-disposition", `attachment; filename="${object.fileName.replace(/[^\w.-]+/g, "_")}"`);
  if (stored.ContentLength !== undefined) headers.set("content-length", String(stored.ContentLength));
  return new Response(body, { status: 200, headers });
}
