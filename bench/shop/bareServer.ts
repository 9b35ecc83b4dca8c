import http from "node:http";
import { createDb } from "@/db/client";
import { readCookie } from "@/server/auth/cookies";
import { validateSession } from "@/server/auth/sessions";
import { shippingAddress } from "@/domain/shop/address";
import { CART_COOKIE, openCart } from "@/server/services/shop/cartIdentity";
import { getCart } from "@/server/services/shop/cartService";
import { createCheckout } from "@/server/services/shop/checkoutService";
import { getListing } from "@/server/services/shop/listingService";

/**
 * The floor: node:http running what listing.get, cart.get and checkout.create run (the session
 * lookup, the same service functions and queries, JSON), without tRPC, rate limits or Next.
 */
const { db } = createDb(process.env.DATABASE_URL!);

async function body(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url!, "http://bare");
    const session = await validateSession(db, req.headers.cookie);
    const holder = { userId: session?.user.id ?? null, guestToken: readCookie(req.headers.cookie, CART_COOKIE) };
    let out: unknown;
    if (url.pathname === "/listing") out = await getListing(db, url.searchParams.get("slug")!);
    else if (url.pathname === "/cart") out = await getCart(db, (await openCart(db, holder, { create: false })).cartId);
    else if (url.pathname === "/checkout") {
      const input = (await body(req)) as { idempotencyKey: string; email: string; shippingAddress: unknown };
      out = await createCheckout(db, holder.userId ? { userId: holder.userId } : null, await openCart(db, holder, { create: false }), { ...input, shippingAddress: shippingAddress.parse(input.shippingAddress) });
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(process.env.PORT), () => process.send?.("ready"));
process.on("SIGTERM", () => process.exit(0));
