import { z } from "zod";
import { PRODUCT_KINDS, variantSchema } from "@/domain/catalog/catalog";
import { ELEMENT_LICENSES, ELEMENT_SOURCES } from "@/domain/elements/elementSource";
import { renderStatusSchema } from "@/domain/render/renderStatus";

export const LISTING_RENDER_ROUTE = "/api/listing-renders";


export const listingMockup = z.object({ id: z.string(), variantId: z.string(), printAreaId: z.string(), status: renderStatusSchema, url: z.string().nullable() });
export type ListingMockup = z.infer<typeof listingMockup>;

/** A notice the licence of library art on the design asks for (Twemoji's attribution, Noto's licence). */
export const listingCredit = z.object({ source: z.enum(ELEMENT_SOURCES), license: z.enum(ELEMENT_LICENSES), text: z.string(), url: z.string() });

/** What a shopper sees of a listing: its current version, without the canvas or its people. */
export const listingView = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  price: z.number().int(),
  currency: z.string(),
  version: z.number().int(),
  product: z.object({ id: z.string(), name: z.string(), kind: z.enum(PRODUCT_KINDS), printAreas: z.array(z.object({ id: z.string(), name: z.string() })) }),
  variants: z.array(variantSchema),
  /** The colour the design was made on: the page opens on it (null: the first on sale). */
  featuredColor: z.string().nullable(),
  mockups: z.array(listingMockup),
  /** Items still for sale in a limited edition; null when unlimited. */
  stockLeft: z.number().int().nullable(),
  stockTotal: z.number().int().nullable(),
  credits: z.array(listingCredit),
  /** Who sells it (their shop page lists the rest); null once the account is gone. */
  seller: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ListingView = z.infer<typeof listingView>;

/** The owner's view from the editor: the listing and whether its renders are done. */
export const canvasListingView = listingView.extend({ published: z.boolean(), printFiles: z.array(z.object({ printAreaId: z.string(), status: renderStatusSchema })) });
export type CanvasListingView = z.infer<typeof canvasListingView>;

/** What publishing answers: the listing, its page address and the version just frozen. */
export const publishedListing = z.object({ id: z.string(), slug: z.string(), version: z.number().int() });
export type PublishedListing = z.infer<typeof publishedListing>;
