import { z } from "zod";
import { SHOP_CURRENCIES } from "@/domain/shop/shipping";
import { limits } from "../auth/limits";
import { getCanvasListing, getListing, publishListing, unpublishListing } from "../services/shop/listingService";
import { canvasListingView, listingView, publishedListing } from "../services/shop/listingView";
import { getStorage } from "../storage/storage";
import { canvasProcedure, publicProcedure, resourceProcedure, router, throttle } from "../trpc/init";
import { ok } from "./schemas";
import { variantId } from "./shopSchemas";

export const listingRouter = router({
  /** Puts the canvas's design on sale (or publishes a new version): owner only. */
  publish: canvasProcedure("owner")
    .use(throttle((ctx) => [limits.publishesPerUser(ctx.session!.user.id)], { failuresOnly: false }))
    .input(
      z.object({
        title: z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters"),
        description: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
        price: z.number().int("must be in whole minor units").min(1).max(1_000_000, "must be at most 1,000,000"),
        /** What the price is in; the product's own currency when absent. */
        currency: z.enum(SHOP_CURRENCIES).optional(),
        variantIds: z.array(variantId).min(1, "choose at least one colour and size").max(64),
        stock: z.number().int().min(1).max(100_000).nullish(),
        /** Codes of the preflight problems the owner confirmed publishing with (a refusal names them). */
        confirmPreflight: z.array(z.string().max(200)).max(500).optional(),
      }),
    )
    .output(publishedListing)
    .mutation(({ ctx, input }) => publishListing(ctx.db, getStorage(), ctx.access, input)),

  /** A published listing, for anyone: no session needed. */
  get: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(80) }))
    .output(listingView)
    .query(({ ctx, input }) => getListing(ctx.db, input.slug)),

  /** The canvas's listing with its render progress, for the publish panel. */
  ofCanvas: canvasProcedure("owner")
    .output(canvasListingView.nullable())
    .query(({ ctx }) => getCanvasListing(ctx.db, ctx.access)),

  /** Takes the page down: for the publisher or the canvas's owner; NOT_FOUND to anyone else. */
  unpublish: resourceProcedure("listing", "owner")
    .output(ok)
    .mutation(async ({ ctx }) => {
      await unpublishListing(ctx.db, ctx.access);
      return { ok: true as const };
    }),
});
