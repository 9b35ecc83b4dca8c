import { z } from "zod";
import { paymentProviders } from "../services/shop/payments/paymentProviders";
import { setStripeTax, stripeTaxOn } from "../services/shop/shopSettings";
import { router, shopAdminProcedure } from "../trpc/init";
import { ok } from "./schemas";

/** The shop's tax settings, for its admins. */
export const taxRouter = router({
  /** Whether Stripe Tax adds sales tax to dollar orders, and whether Stripe takes payments here at all. */
  settings: shopAdminProcedure
    .output(z.object({ stripeTax: z.boolean(), stripeConfigured: z.boolean() }))
    .query(async ({ ctx }) => ({ stripeTax: await stripeTaxOn(ctx.db), stripeConfigured: paymentProviders().has("stripe") })),

  setStripeTax: shopAdminProcedure
    .input(z.object({ on: z.boolean() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await setStripeTax(ctx.db, ctx.actor, input.on);
      return { ok: true as const };
    }),
});
