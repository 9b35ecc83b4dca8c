import { createHash } from "node:crypto";
import { readElementSvg } from "../services/elements/elementLibrary";
import { jsonError } from "./requestGuards";

/** An SVG is a document: should anyone open one directly, nothing in it may run or load. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/**
 * GET /api/elements/<id>.svg: a library element's artwork, sanitised. Public (the art is open
 * licence and global) and immutable for a given id, so browsers and proxies keep it.
 */
export async function handleElementRequest(req: Request, file: string): Promise<Response> {
  const id = file.endsWith(".svg") ? file.slice(0, -4) : null;
  const art = id ? await readElementSvg(id) : null;
  if (!art) return jsonError(404, "There is no such element.");
  const etag = `"${createHash("sha256").update(art.svg).digest("base64url").slice(0, 22)}"`;
  const headers = new Headers({
    etag,
    "cache-control": "public, max-age=31536000, immutable",
    "content-type": "image/svg+xml",
    "x-content-type-options": "nosniff",
    "content-security-policy": SVG_POLICY,
  });
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(art.svg, { status: 200, headers });
}
