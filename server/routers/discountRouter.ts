import { z } from "zod";
import { newDiscountInput } from "@/domain/shop/discount";
import { createDiscount, discountableListings, listDiscounts, setDiscountActive } from "../services/shop/discountCodes";
import { router, shopAdminProcedure } from "../trpc/init";
import { ok, uuid } from "./schemas";

const discountRow = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(["percent", "fixed"]),
  value: z.number().int(),
  currency: z.string().nullable(),
  listingId: z.string().nullable(),
  listingTitle: z.string().nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  expiresAt: z.date().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
});

/** The shop admin's discount codes. Shoppers apply them through checkout.quote and checkout.create. */
export const discountRouter = router({
  list: shopAdminProcedure.output(z.array(discountRow)).query(({ ctx }) => listDiscounts(ctx.db)),

  /** The products on sale, to put a code on one. */
  listings: shopAdminProcedure.output(z.array(z.object({ id: z.string(), title: z.string(), currency: z.string() }))).query(({ ctx }) => discountableListings(ctx.db)),

  create: shopAdminProcedure
    .input(newDiscountInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createDiscount(ctx.db, ctx.actor, input)),

  /** Switches a code off (shoppers are told it does not exist) or back on. */
  setActive: shopAdminProcedure
    .input(z.object({ id: uuid, active: z.boolean() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await setDiscountActive(ctx.db, input.id, input.active);
      return { ok: true as const };
    }),
});
