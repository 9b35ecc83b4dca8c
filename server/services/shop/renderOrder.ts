import type { Product } from "@/domain/catalog/catalog";
import { LISTING_RENDER_ROUTE } from "./listingView";

type Placed = { variantId: string | null; printAreaId: string };
type Mockup = Placed & { id: string; versionId: string };

/**
 * Renders queued together share a timestamp and have random ids, so the database has no stable
 * order for them; the catalog's (variant, then print area: front before back) is the one shown.
 */
export function inCatalogOrder<T extends Placed>(product: Product | undefined, renders: T[], featuredColor: string | null = null): T[] {
  if (!product) return renders;
  const areas = product.printAreas.length;
  const variants = product.variants.length;
  // The colour the design was made on leads; the rest keep the catalog's order.
  const featured = (r: Placed) => (featuredColor !== null && product.variants.find((v) => v.id === r.variantId)?.color === featuredColor ? 0 : 1);
  const rank = (r: Placed) => (featured(r) * variants + product.variants.findIndex((v) => v.id === r.variantId)) * areas + product.printAreas.findIndex((a) => a.id === r.printAreaId);
  return [...renders].sort((a, b) => rank(a) - rank(b));
}

/**
 * The picture of an item bought or in a cart: its listing version's first finished mockup (front
 * before back) in the item's colour, as a URL, or null while none has rendered. `mockups` holds
 * finished mockups only.
 */
export function itemImageUrl(product: Product | undefined, mockups: Mockup[], item: { versionId: string; variantId: string }): string | null {
  const colorOf = (variantId: string | null) => product?.variants.find((v) => v.id === variantId)?.color;
  const color = colorOf(item.variantId);
  const [image] = inCatalogOrder(product, mockups.filter((m) => m.versionId === item.versionId && colorOf(m.variantId) === color));
  return image ? `${LISTING_RENDER_ROUTE}/${image.id}` : null;
}
