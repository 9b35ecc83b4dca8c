import type { Product } from "@/domain/catalog/catalog";

type Placed = { variantId: string | null; printAreaId: string };

/**
 * Renders queued together share a timestamp and have random ids, so the database has no stable
 * order for them; the catalog's (variant, then print area: front before back) is the one shown.
 */
export function inCatalogOrder<T extends Placed>(product: Product | undefined, renders: T[]): T[] {
  if (!product) return renders;
  const areas = product.printAreas.length;
  const rank = (r: Placed) => product.variants.findIndex((v) => v.id === r.variantId) * areas + product.printAreas.findIndex((a) => a.id === r.printAreaId);
  return [...renders].sort((a, b) => rank(a) - rank(b));
}
