import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { projectRoot } from "@/db/projectRoot";
import { env } from "../../env";
import { dataDirSecret } from "../../storage/embeddedSecret";

let cached: string | undefined;

/**
 * The key behind order links and the test provider's webhook signatures: SHOP_SECRET when set
 * (several machines), else one made once per data folder and shared by its processes.
 */
export function shopSecret(): string {
  cached ??= env().SHOP_SECRET ?? dataDirSecret(path.resolve(projectRoot(), env().DATA_DIR), "shop-secret");
  return cached;
}

/** A keyed digest of `purpose:value`, base64url: unguessable without the shop secret, and stable. */
export function shopDigest(purpose: string, value: string): string {
  return createHmac("sha256", shopSecret()).update(`${purpose}:${value}`).digest("base64url");
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The secret part of an order's link: whoever holds it sees the order without an account. */
export function orderKey(orderId: string): string {
  return shopDigest("order", orderId).slice(0, 32);
}

export function orderLink(appUrl: string, orderId: string): string {
  return `${appUrl}/orders/${orderId}?key=${orderKey(orderId)}`;
}
