import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { AppError } from "../errors";
import { requireCanvasRole } from "../services/canvas/access";
import { isShopAdmin } from "../services/shop/shopAdmin";
import { jsonError } from "./requestGuards";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may see a stored image: the members of its canvas, shop admins, anyone (then cached
 * publicly), or whoever holds the secret the request carried (an invite link's token: cached privately).
 */
export type ImageAudience = { canvasId: string } | "shopAdmins" | "public" | "bearer";

/** A stored image as one route finds it. Its bytes never change, so `etag` is its id. */
export type StoredImage = { key: string; contentType: string; etag: string; audience: ImageAudience; fileName?: string };

/** One image route: how it finds an image by id, and what it tells those who may not see one. */
export type ImageSource = {
  /** When set, signed-out callers get 401 with this message before anything else is looked at. */
  signIn?: string;
  /** Strangers, missing images and unready ones all get this, alike, so that ids cannot be probed. */
  notFound: string;
  find(db: Db, id: string, url: URL): Promise<StoredImage | null>;
};

export type ImageHandler = (db: Db, s3: S3Client, bucket: string, req: Request, id: string) => Promise<Response>;

/**
 * Serves a stored image to whoever may see it, for every image route: access is checked on every
 * request; a private image is cached by the browser only and revalidated on each use (access can
 * be withdrawn), a public one is cached for an hour; anything not servable answers 404.
 */
export async function serveStoredImage(db: Db, s3: S3Client, bucket: string, req: Request, id: string, source: ImageSource): Promise<Response> {
  const notFound = () => jsonError(404, source.notFound);
  let session = source.signIn ? await validateSession(db, req.headers.get("cookie")) : undefined;
  if (source.signIn && !session) return jsonError(401, source.signIn);
  if (!UUID.test(id)) return notFound();
  const image = await source.find(db, id, new URL(req.url));
  if (!image) return notFound();
  const headers = new Headers({ etag: image.etag });
  if (image.audience === "public") {
    headers.set("cache-control", "public, max-age=3600");
  } else if (image.audience === "bearer") {
    headers.set("cache-control", "private, no-cache");
  } else {
    session ??= await validateSession(db, req.headers.get("cookie"));
    if (!session || !(await maySee(db, session.user.id, image.audience))) return notFound();
    if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
    headers.set("cache-control", "private, no-cache");
  }
  if (req.headers.get("if-none-match") === image.etag) return new Response(null, { status: 304, headers });

  let stored;
  try {
    stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: image.key }), { abortSignal: req.signal });
  } catch (e) {
    if (e instanceof NoSuchKey) return notFound();
    throw e;
  }
  const body = stored.Body?.transformToWebStream();
  if (!body) return notFound();
  headers.set("content-type", image.contentType);
  headers.set("x-content-type-options", "nosniff");
  // Stored SVGs are sanitised; this keeps one opened on its own from running or fetching anything even so.
  headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  if (image.fileName) headers.set("content-disposition", `attachment; filename="${image.fileName.replace(/[^\w.-]+/g, "_")}"`);
  if (stored.ContentLength !== undefined) headers.set("content-length", String(stored.ContentLength));
  return new Response(body, { status: 200, headers });
}

async function maySee(db: Db, userId: string, audience: Exclude<ImageAudience, "public" | "bearer">): Promise<boolean> {
  if (audience === "shopAdmins") return isShopAdmin(db, userId);
  try {
    await requireCanvasRole(db, userId, audience.canvasId, "viewer");
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

/** The handler of one image route, for its `route.ts` and for tests. */
export const imageHandler =
  (source: ImageSource): ImageHandler =>
  (db, s3, bucket, req, id) =>
    serveStoredImage(db, s3, bucket, req, id, source);
