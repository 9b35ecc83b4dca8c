import type http from "node:http";
import { isIP } from "node:net";

/**
 * The header through which our HTTP server tells the request handlers (tRPC, OAuth routes) who is
 * calling. It is set on every request from the socket, replacing anything a client sent under the
 * same name, so handlers can trust it.
 */
export const CLIENT_ADDRESS_HEADER = "x-merchboard-client-address";

/** What handlers see when a request did not come through our server (no address to go by). */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address: the socket's peer, or, behind `trustedProxies` reverse proxies (each of
 * which appends the address it received from to X-Forwarded-For), the entry that many places
 * from the end of that list. Entries further left are whatever the client wrote and are ignored.
 */
export function clientAddress(req: http.IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? UNKNOWN_ADDRESS;
  if (trustedProxies <= 0) return normalizeAddress(peer);
  const forwarded = [req.headers["x-forwarded-for"]].flat().filter((v): v is string => !!v).join(",");
  const chain = [...forwarded.split(",").map((s) => s.trim()).filter(Boolean), peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - trustedProxies)]!);
}

/** Stamps the client's address into the request before anything handles it. */
export function stampClientAddress(req: http.IncomingMessage, trustedProxies: number): void {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustedProxies);
}

/**
 * One key per client: IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 (one subscriber usually holds
 * a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function normalizeAddress(address: string): string {
  const a = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (isIP(a) === 4) return a;
  if (isIP(a) !== 6) return UNKNOWN_ADDRESS;
  return `${expandIPv6(a).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(a: string): string[] {
  const [head, tail = ""] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}

/** What handlers read of a request: its headers, from a fetch Request or from our node path's view of them. */
export type RequestHeaders = { headers: { get(name: string): string | null } };

/** The address our server stamped into the request (see stampClientAddress). */
export function requestAddress(req: RequestHeaders): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) ?? UNKNOWN_ADDRESS;
}
