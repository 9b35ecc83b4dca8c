import { z } from "zod";
import { shippingAddress } from "@/domain/shop/address";
import { limits } from "../auth/limits";
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
    .input(z.object({ idempotencyKey: z.string().min(8, "must be at least 8 characters").max(100).regex(/^[\w-]+$/, "must be letters, digits, - or _"), email, shippingAddress }))
    .output(checkoutResult)
    .mutation(async ({ ctx, input }) => createCheckout(ctx.db, actorOf(ctx), await ctx.cart(false), { ...input, locale: ctx.locale }, undefined, ctx.clientAddress)),
});
