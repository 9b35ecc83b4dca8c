import { isRenderOpen } from "@/domain/render/renderStatus";
import type { Listing as ListingView } from "./shopTypes";

export type ListingColor = { color: string; colorHex: string };
export type GalleryShot = { printAreaId: string; areaName: string; status: ListingView["mockups"][number]["status"] | "missing"; url: string | null };

/** The colour a listing's page opens on: the one the design was made on, else the first on sale. */
export function openingColor(listing: Pick<ListingView, "variants" | "featuredColor">): string {
  const colors = listingColors(listing);
  return colors.find((c) => c.color === listing.featuredColor)?.color ?? colors[0]?.color ?? "";
}

/** The listing's colours in catalog order. */
export function listingColors(listing: Pick<ListingView, "variants">): ListingColor[] {
  const seen = new Map<string, ListingColor>();
  for (const v of listing.variants) if (!seen.has(v.color)) seen.set(v.color, { color: v.color, colorHex: v.colorHex });
  return [...seen.values()];
}

/**
 * One picture per print area with a design on it (front, back…) in the given colour: a mockup's
 * variant stands for its colour. Areas left blank have no mockups and no picture.
 */
export function shotsFor(listing: Pick<ListingView, "variants" | "mockups" | "product">, color: string): GalleryShot[] {
  const colorOf = (variantId: string) => listing.variants.find((v) => v.id === variantId)?.color;
  const designed = listing.product.printAreas.filter((area) => listing.mockups.some((m) => m.printAreaId === area.id));
  return designed.map((area) => {
    const mockup = listing.mockups.find((m) => m.printAreaId === area.id && colorOf(m.variantId) === color);
    return { printAreaId: area.id, areaName: area.name, status: mockup?.status ?? "missing", url: mockup?.url ?? null };
  });
}

/** Whether any mockup is still on its way (the page polls until none is). */
export function rendersPending(listing: Pick<ListingView, "mockups">): boolean {
  return listing.mockups.some((m) => isRenderOpen(m.status));
}

/** The first finished mockup, for link previews. */
export function firstMockupUrl(listing: Pick<ListingView, "mockups">): string | null {
  return listing.mockups.find((m) => m.url)?.url ?? null;
}
