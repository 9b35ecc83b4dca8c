import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, stampClientAddress } from "./clientAddress";

const servers: http.Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** A server that stamps requests as ours does and answers with the address a handler would read. */
async function serve(trustedProxies: number) {
  const server = http.createServer((req, res) => {
    stampClientAddress(req, trustedProxies);
    res.end(req.headers[CLIENT_ADDRESS_HEADER]);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return (headers: Record<string, string> = {}) => fetch(url, { headers }).then((r) => r.text());
}

describe("the client's address", () => {
  it("comes from the socket, whatever the client writes in headers", async () => {
    const ask = await serve(0);
    expect(await ask()).toBe("127.0.0.1");
    expect(await ask({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.10" })).toBe("127.0.0.1");
  });

  it("behind trusted proxies, is the X-Forwarded-For entry the proxies appended, not what the client prepended", async () => {
    const ask = await serve(1);
    // The client claims 203.0.113.66; our proxy appended the address it saw (198.51.100.7).
    expect(await ask({ "x-forwarded-for": "203.0.113.66, 198.51.100.7" })).toBe("198.51.100.7");
    expect(await ask({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.8" })).toBe("198.51.100.8");
    const twoHops = await serve(2);
    expect(await twoHops({ "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.2" })).toBe("198.51.100.7");
  });

  it("counts IPv4-mapped addresses as IPv4 and IPv6 by its /64", () => {
    expect(normalizeAddress("::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("not an address")).toBe("unknown");
  });
});
