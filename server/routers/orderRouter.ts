import { z } from "zod";
import { isShopAdmin, requireShopAdmin } from "../services/shop/shopAdmin";
import { moveOrderByAdmin, readShopOutbox } from "../services/shop/orderAdmin";
import { getOrder, listAllOrders, listOwnOrders } from "../services/shop/orderQueries";
import { authedProcedure, publicProcedure, router } from "../trpc/init";
import { ok, uuid } from "./schemas";
import { orderOut, orderStatus, orderSummaryOut } from "./shopSchemas";

const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  await requireShopAdmin(ctx.db, ctx.user.id);
  return next();
});

export const orderRouter = router({
  /** An order for its buyer, for whoever holds the link's `key` (guest checkout), or for a shop admin. */
  get: publicProcedure
    .input(z.object({ id: uuid, key: z.string().max(64).optional() }))
    .output(orderOut)
    .query(async ({ ctx, input }) => {
      const userId = ctx.session?.user.id ?? null;
      const isAdmin = userId ? await isShopAdmin(ctx.db, userId) : false;
      return getOrder(ctx.db, { userId, isAdmin, key: input.key }, input.id);
    }),

  /** The caller's own orders; a shop admin passes `all` (and filters: status, part of the e-mail) to see every order. */
  list: authedProcedure
    .input(z.object({ all: z.boolean().optional(), status: orderStatus.optional(), email: z.string().trim().min(1).max(254).optional() }).optional())
    .output(z.array(orderSummaryOut))
    .query(async ({ ctx, input }) => {
      if (!input?.all) return listOwnOrders(ctx.db, ctx.user.id);
      await requireShopAdmin(ctx.db, ctx.user.id);
      return listAllOrders(ctx.db, { status: input.status, email: input.email });
    }),

  /** Whether the caller runs the shop (the app shows the admin view then). */
  isAdmin: publicProcedure.output(z.boolean()).query(({ ctx }) => (ctx.session ? isShopAdmin(ctx.db, ctx.session.user.id) : false)),

  move: adminProcedure
    .input(z.object({ id: uuid, to: orderStatus, note: z.string().trim().max(500).optional() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await moveOrderByAdmin(ctx.db, ctx.user.id, input);
      return { ok: true as const };
    }),

  outbox: adminProcedure
    .output(z.object({ smtp: z.boolean(), messages: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), sentAt: z.string() })) }))
    .query(() => readShopOutbox()),
});
