export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH = 10;

export function jsonError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { message, code: status } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/**
 * A request is cross-site when the browser says so (Sec-Fetch-Site) or its Origin is neither the
 * app's configured origin nor the origin of the host it was sent to.
 */
export function isCrossSite(req: Request, appUrl: string): boolean {
  if (req.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("host");
  const allowed = new Set([new URL(appUrl).origin]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return !allowed.has(origin);
}

/** Reads at most `limit` bytes of the body; null when it is larger. */
export async function readLimitedBody(req: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function batchSize(url: URL, endpoint: string): number {
  const path = url.pathname.slice(endpoint.length).replace(/^\//, "");
  return path ? path.split(",").length : 0;
}
