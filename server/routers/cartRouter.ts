import { z } from "zod";
import { addToCart, getCart, removeCartLine, updateCartLine } from "../services/shop/cartService";
import { cartView } from "../services/shop/cartView";
import { router } from "../trpc/init";
import { cartProcedure } from "./cartProcedure";
import { uuid } from "./schemas";
import { quantity, variantId } from "./shopSchemas";

/** The shopper's cart, signed in or not. Every price in it is the listing's, read on the server. */
export const cartRouter = router({
  get: cartProcedure.output(cartView).query(async ({ ctx }) => getCart(ctx.db, (await ctx.cart(false)).cartId)),

  add: cartProcedure
    .input(z.object({ listingId: uuid, variantId, quantity }))
    .output(cartView)
    .mutation(async ({ ctx, input }) => {
      const { cartId } = await ctx.cart(true);
      await addToCart(ctx.db, cartId!, input);
      return getCart(ctx.db, cartId);
    }),

  update: cartProcedure
    .input(z.object({ lineId: uuid, quantity }))
    .output(cartView)
    .mutation(async ({ ctx, input }) => {
      const { cartId } = await ctx.cart(false);
      await updateCartLine(ctx.db, cartId, input);
      return getCart(ctx.db, cartId);
    }),

  remove: cartProcedure
    .input(z.object({ lineId: uuid }))
    .output(cartView)
    .mutation(async ({ ctx, input }) => {
      const { cartId } = await ctx.cart(false);
      await removeCartLine(ctx.db, cartId, input);
      return getCart(ctx.db, cartId);
    }),
});
