import { takeAttempt } from "../auth/rateLimit";
import { limits } from "../auth/limits";
import { readCookie } from "../auth/cookies";
import { env } from "../env";
import { CART_COOKIE, openCart, type OpenCart } from "../services/shop/cartIdentity";
import { publicProcedure } from "../trpc/init";

const MAX_AGE = 60 * 60 * 24 * 30;

function cookie(value: string, maxAge: number): string {
  const secure = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${CART_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/**
 * A procedure with the caller's cart at hand, signed in or not: `ctx.cart(create)` finds it (and
 * merges a signed-out cart into the account's), sets or clears the cart cookie, and counts new
 * signed-out carts per address.
 */
export const cartProcedure = publicProcedure.use(({ ctx, next }) => {
  const holder = { userId: ctx.session?.user.id ?? null, guestToken: readCookie(ctx.cookieHeader, CART_COOKIE) };
  const cart = async (create: boolean): Promise<OpenCart> => {
    let open = await openCart(ctx.db, holder, { create: false });
    if (!open.cartId && create) {
      if (!holder.userId) await takeAttempt(ctx.db, [limits.guestCartsPerAddress(ctx.clientAddress)]);
      open = await openCart(ctx.db, holder, { create: true });
    }
    if (open.issuedToken) ctx.resHeaders.append("Set-Cookie", cookie(open.issuedToken, MAX_AGE));
    if (open.mergedGuest) ctx.resHeaders.append("Set-Cookie", cookie("", 0));
    return open;
  };
  return next({ ctx: { ...ctx, cart } });
});
