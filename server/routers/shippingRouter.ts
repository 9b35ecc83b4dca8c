import { z } from "zod";
import { SHIPPING_ZONES, shippingTableInput } from "@/domain/shop/shipping";
import { readShippingTable, saveShippingTable } from "../services/shop/shippingTable";
import { publicProcedure, router, shopAdminProcedure } from "../trpc/init";
import { ok } from "./schemas";

const rate = z.object({ first: z.number(), each: z.number(), freeFrom: z.number().nullable() });
const zones = z.object(Object.fromEntries(SHIPPING_ZONES.map((zone) => [zone, rate])) as Record<(typeof SHIPPING_ZONES)[number], typeof rate>);
const shippingTableView = z.object({ originCountry: z.string(), zoneCountries: z.array(z.string()), rates: z.object({ USD: zones, KRW: zones }) });

export const shippingRouter = router({
  /** The rates checkout charges by, for shoppers to see before they pay. */
  table: publicProcedure.output(shippingTableView).query(({ ctx }) => readShippingTable(ctx.db)),

  /** The shop admin replaces the whole table. */
  save: shopAdminProcedure
    .input(shippingTableInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => {
      await saveShippingTable(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
});
