import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type SigningKey = { accessKeyId: string; secretAccessKey: string; region: string };

/** A request as it arrived: method, the raw path and query, and its headers (lower-case names). */
export type ArrivedRequest = { method: string; url: string; headers: Record<string, string | string[] | undefined> };

export type PresignedCheck = { ok: true } | { ok: false; reason: string };

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Checks an S3 presigned URL (Signature Version 4, query parameters) the way S3 does: the request's
 * method, path, query and signed headers, hashed and signed with our secret key, must give the
 * signature it carries, within its lifetime. The signed headers must include the host and the
 * Content-Length, so a URL works for exactly the object and the size it was made for.
 */
export function checkPresignedRequest(req: ArrivedRequest, key: SigningKey, now = new Date()): PresignedCheck {
  const [path = "", rawQuery = ""] = req.url.split("?", 2);
  const params = parseQuery(rawQuery);
  if (!params) return { ok: false, reason: "malformed query" };
  const get = (name: string) => params.find(([k]) => k === name)?.[1];
  const signature = get("X-Amz-Signature");
  const credential = get("X-Amz-Credential");
  const amzDate = get("X-Amz-Date");
  const expires = Number(get("X-Amz-Expires"));
  const signedHeaders = get("X-Amz-SignedHeaders");
  if (get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || !signature || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: "not signed" };
  if (!credential || !amzDate || !signedHeaders || !Number.isInteger(expires) || expires < 1 || expires > 7 * 24 * 3600) return { ok: false, reason: "not signed" };

  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!date) return { ok: false, reason: "bad date" };
  const signedAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!);
  if (signedAt > now.getTime() + MAX_CLOCK_SKEW_MS || signedAt + expires * 1000 < now.getTime()) return { ok: false, reason: "expired" };

  const scope = `${amzDate.slice(0, 8)}/${key.region}/s3/aws4_request`;
  if (credential !== `${key.accessKeyId}/${scope}`) return { ok: false, reason: "unknown credential" };

  const headerNames = signedHeaders.split(";");
  if (!headerNames.includes("host") || !headerNames.includes("content-length")) return { ok: false, reason: "host and length must be signed" };
  const canonicalHeaders = headerNames.map((name) => {
    const value = [req.headers[name]].flat().filter((v) => v !== undefined).join(",");
    return `${name}:${value.trim().replace(/\s+/g, " ")}\n`;
  });
  const canonicalQuery = params
    .filter(([k]) => k !== "X-Amz-Signature")
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [req.method, path, canonicalQuery, canonicalHeaders.join(""), signedHeaders, "UNSIGNED-PAYLOAD"].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");

  let k: Buffer = hmac(`AWS4${key.secretAccessKey}`, amzDate.slice(0, 8));
  for (const part of [key.region, "s3", "aws4_request"]) k = hmac(k, part);
  const expected = hmac(k, stringToSign);
  const given = Buffer.from(signature, "hex");
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "signature does not match" };
}

function parseQuery(raw: string): [string, string][] | null {
  try {
    return raw
      .split("&")
      .filter(Boolean)
      .map((pair) => {
        const i = pair.indexOf("=");
        const [k, v] = i < 0 ? [pair, ""] : [pair.slice(0, i), pair.slice(i + 1)];
        return [decodeURIComponent(k), decodeURIComponent(v)];
      });
  } catch {
    return null;
  }
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
