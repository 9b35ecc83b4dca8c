import { GetObjectCommand, NoSuchKey, type S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { findServableRender } from "../services/shop/renderAccess";
import { isShopAdmin } from "../services/shop/shopAdmin";
import { UUID } from "./assetHandler";
import { jsonError } from "./requestGuards";

const notFound = () => jsonError(404, "This image does not exist or you cannot see it.");

/**
 * GET /api/listing-renders/<id>: a published version's mockup for anyone (cached publicly: its
 * bytes never change), or a print file as a download for shop admins.
 */
export async function handleListingRenderRequest(db: Db, s3: S3Client, bucket: string, req: Request, id: string): Promise<Response> {
  if (!UUID.test(id)) return notFound();
  const render = await findServableRender(db, id);
  if (!render) return notFound();
  const headers = new Headers({ etag: `"${id}"`, "x-content-type-options": "nosniff" });
  if (!render.public) {
    const session = await validateSession(db, req.headers.get("cookie"));
    if (!session || !(await isShopAdmin(db, session.user.id))) return notFound();
    if (session.refreshCookie) headers.append("set-cookie", session.refreshCookie);
    headers.set("cache-control", "private, no-cache");
  } else {
    headers.set("cache-control", "public, max-age=3600");
  }
  if (req.headers.get("if-none-match") === `"${id}"`) return new Response(null, { status: 304, headers });
  let stored;
  try {
    stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: render.key }), { abortSignal: req.signal });
  } catch (e) {
    if (e instanceof NoSuchKey) return notFound();
    throw e;
  }
  const body = stored.Body?.transformToWebStream();
  if (!body) return notFound();
  headers.set("content-type", render.kind === "mockup" ? "image/webp" : "image/png");
  if (render.kind === "print") headers.set("content-disposition", `attachment; filename="${render.fileName.replace(/[^\w.-]+/g, "_")}"`);
  if (stored.ContentLength !== undefined) headers.set("content-length", String(stored.ContentLength));
  return new Response(body, { status: 200, headers });
}
