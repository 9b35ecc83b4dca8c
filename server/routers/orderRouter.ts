import { z } from "zod";
import { trackingInput } from "@/domain/shop/carriers";
import { refundInput } from "@/domain/shop/refunds";
import { refundOrder } from "../services/shop/orderRefunds";
import { isShopAdmin } from "../services/shop/shopAdmin";
import { moveOrderByAdmin, readShopOutbox } from "../services/shop/orderAdmin";
import { getOrder, listOrders } from "../services/shop/orderQueries";
import { orderStatus, orderSummary, orderView } from "../services/shop/orderView";
import { orderProcedure, publicProcedure, router, shopAdminProcedure, shopAdminProcedureWhen } from "../trpc/init";
import { ok, uuid } from "./schemas";

const listInput = z.object({ all: z.boolean().optional(), status: orderStatus.optional(), email: z.string().trim().min(1).max(254).optional() }).optional();

export const orderRouter = router({
  /** An order for its buyer, for whoever holds the link's `key` (guest checkout), or for a shop admin. */
  get: orderProcedure.output(orderView).query(({ ctx }) => getOrder(ctx.db, ctx.access)),

  /** The caller's own orders; a shop admin passes `all` (and filters: status, part of the e-mail) to see every order. */
  list: shopAdminProcedureWhen(listInput, (input) => !!input?.all)
    .output(z.array(orderSummary))
    .query(({ ctx, input }) => listOrders(ctx.db, ctx.actor, input ?? {})),

  /** Whether the caller runs the shop (the app shows the admin view then). */
  isAdmin: publicProcedure.output(z.boolean()).query(({ ctx }) => (ctx.session ? isShopAdmin(ctx.db, ctx.session.user.id) : false)),

  move: shopAdminProcedure
    .input(z.object({ id: uuid, to: orderStatus, note: z.string().trim().max(500).optional(), tracking: trackingInput.optional() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await moveOrderByAdmin(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),

  /**
   * Gives back some units of some lines (and the shipping, if asked) through the payment provider;
   * the order turns refunded when everything has gone back. One refund of an order at a time.
   */
  refund: shopAdminProcedure
    .input(refundInput)
    .output(z.object({ refundId: z.string(), amount: z.number().int() }))
    .mutation(({ ctx, input }) => refundOrder(ctx.db, ctx.actor, input)),

  outbox: shopAdminProcedure
    .output(z.object({ smtp: z.boolean(), messages: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })) }))
    .query(() => readShopOutbox()),
});
