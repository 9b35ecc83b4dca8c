import type { ProductKind, Variant } from "@/domain/catalog/catalog";
import type { RenderStatus } from "@/domain/render/renderStatus";

export const LISTING_RENDER_ROUTE = "/api/listing-renders";

export type ListingMockup = { id: string; variantId: string; printAreaId: string; status: RenderStatus; url: string | null };

/** What a shopper sees of a listing: its current version, without the canvas or its people. */
export type ListingView = {
  id: string;
  slug: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  version: number;
  product: { id: string; name: string; kind: ProductKind; printAreas: { id: string; name: string }[] };
  variants: Variant[];
  mockups: ListingMockup[];
  /** Items still for sale in a limited edition; null when unlimited. */
  stockLeft: number | null;
  stockTotal: number | null;
};

/** The owner's view from the editor: the listing and whether its renders are done. */
export type CanvasListingView = ListingView & { published: boolean; printFiles: { printAreaId: string; status: ListingMockup["status"] }[] };
