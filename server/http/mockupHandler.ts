import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { findServableMockup } from "../services/mockup/mockupService";
import { UUID } from "./assetHandler";
import { serveCanvasObject } from "./canvasObject";
import { jsonError } from "./requestGuards";

const notFound = () => jsonError(404, "This mockup does not exist or you cannot see it.");

/** GET /api/mockups/<id>: a rendered HQ mockup (WebP), for members of its canvas. */
export async function handleMockupRequest(db: Db, s3: S3Client, bucket: string, req: Request, id: string): Promise<Response> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (!session) return jsonError(401, "Sign in to see this mockup.");
  if (!UUID.test(id)) return notFound();
  const mockup = await findServableMockup(db, id);
  if (!mockup) return notFound();
  return serveCanvasObject(db, s3, bucket, req, session, { ...mockup, contentType: "image/webp", etag: `"${id}"` }, notFound);
}
