import type { S3Client } from "@aws-sdk/client-s3";
import type { Db } from "@/db/client";
import { validateSession } from "../auth/sessions";
import { findServablePrintFile } from "../services/print/printFileService";
import { UUID } from "./assetHandler";
import { serveCanvasObject } from "./canvasObject";
import { jsonError } from "./requestGuards";

const notFound = () => jsonError(404, "This print file does not exist or you cannot see it.");

/** GET /api/print-files/<id>: a finished print file's PNG, as a download, for members of its canvas. */
export async function handlePrintFileRequest(db: Db, s3: S3Client, bucket: string, req: Request, id: string): Promise<Response> {
  const session = await validateSession(db, req.headers.get("cookie"));
  if (!session) return jsonError(401, "Sign in to download this print file.");
  if (!UUID.test(id)) return notFound();
  const file = await findServablePrintFile(db, id);
  if (!file) return notFound();
  return serveCanvasObject(db, s3, bucket, req, session, { canvasId: file.canvasId, key: file.key, contentType: "image/png", etag: `"${id}"`, fileName: `${file.printAreaId}-${id.slice(0, 8)}.png` }, notFound);
}
