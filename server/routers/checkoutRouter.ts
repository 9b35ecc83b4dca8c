import { z } from "zod";
import { countryCode, shippingAddress } from "@/domain/shop/address";
import { discountCodeText } from "@/domain/shop/discount";
import { limits } from "../auth/limits";
import { checkoutQuote, quoteCart } from "../services/shop/checkoutQuote";
import { checkoutResult, createCheckout } from "../services/shop/checkoutService";
import { actorOf, router, throttle } from "../trpc/init";
import { cartProcedure } from "./cartProcedure";
import { email } from "./schemas";

export const checkoutRouter = router({
  /**
   * One order per idempotency key: the cart at today's prices, shipping by the shop's rule, stock
   * reserved, then the payment page. Works signed out.
   */
  create: cartProcedure
    .use(throttle((ctx) => [limits.checkoutsPerAddress(ctx.clientAddress)], { failuresOnly: false }))
    .input(z.object({ idempotencyKey: z.string().min(8, "must be at least 8 characters").max(100).regex(/^[\w-]+$/, "must be letters, digits, - or _"), email, shippingAddress, discountCode: discountCodeText.optional() }))
    .output(checkoutResult)
    .mutation(async ({ ctx, input }) => createCheckout(ctx.db, actorOf(ctx), await ctx.cart(false), { ...input, locale: ctx.locale }, undefined, ctx.clientAddress)),

  /**
   * What checkout would charge for this cart to `country`, with `discountCode` applied: the
   * summary before payment. A code that does not apply is a BAD_REQUEST saying why; wrong codes
   * count against the caller's address, so codes cannot be guessed by trying.
   */
  quote: cartProcedure
    .use(throttle((ctx) => [limits.discountTriesPerAddress(ctx.clientAddress)], { failuresOnly: true }))
    .input(z.object({ country: countryCode, discountCode: discountCodeText.optional() }))
    .output(checkoutQuote)
    .query(async ({ ctx, input }) => quoteCart(ctx.db, (await ctx.cart(false)).cartId, input)),
});
