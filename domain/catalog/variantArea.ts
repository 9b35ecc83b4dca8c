import { printPixels, type PrintArea, type Product } from "./catalog";

/** A print area as one variant prints it: the variant's own size and DPI where it has one, else the area's. */
export function variantArea(product: Product, area: PrintArea, variantId: string | null | undefined): PrintArea {
  const own = product.variants.find((v) => v.id === variantId)?.printSizes?.find((s) => s.printAreaId === area.id);
  return own ? { ...area, widthMm: own.widthMm, heightMm: own.heightMm, dpi: own.dpi } : area;
}

/** The distinct print files an area needs across a product's variants: one per size, with the variants that print at it. */
export function printSizesOf(product: Product, area: PrintArea): { area: PrintArea; variantIds: string[] }[] {
  const bySize = new Map<string, { area: PrintArea; variantIds: string[] }>();
  for (const v of product.variants) {
    const a = variantArea(product, area, v.id);
    const key = `${a.widthMm}x${a.heightMm}@${a.dpi}`;
    const entry = bySize.get(key) ?? { area: a, variantIds: [] };
    entry.variantIds.push(v.id);
    bySize.set(key, entry);
  }
  return [...bySize.values()];
}

/** Whether a variant prints this area at another size than the area's own. */
export function hasOwnSize(product: Product, area: PrintArea, variantId: string): boolean {
  const a = variantArea(product, area, variantId);
  const own = printPixels(a);
  const base = printPixels(area);
  return own.width !== base.width || own.height !== base.height || a.dpi !== area.dpi;
}

/**
 * How a design laid out on `area`'s artboard fills a print file of `target` pixels: scaled
 * uniformly until it covers the file, centred, the overflow trimmed equally from opposite edges
 * (the rule for every variant size: nothing stretches and no blank strip is ever printed). Returns
 * the size to render the whole artboard at and the window of it that is the file.
 */
export function coverLayout(area: Pick<PrintArea, "widthMm" | "heightMm">, target: { width: number; height: number }): { full: { width: number; height: number }; left: number; top: number } {
  const scale = Math.max(target.width / area.widthMm, target.height / area.heightMm);
  const full = { width: Math.max(target.width, Math.round(area.widthMm * scale)), height: Math.max(target.height, Math.round(area.heightMm * scale)) };
  return { full, left: Math.floor((full.width - target.width) / 2), top: Math.floor((full.height - target.height) / 2) };
}
