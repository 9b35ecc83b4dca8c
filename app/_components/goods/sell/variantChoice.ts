import type { Product } from "@/domain/catalog/catalog";

/** The distinct colours (with their swatch) and sizes of a product, in catalog order. */
export function colorsAndSizes(product: Product): { colors: { color: string; colorHex: string }[]; sizes: string[] } {
  const colors = new Map<string, string>();
  const sizes = new Set<string>();
  for (const v of product.variants) {
    if (!colors.has(v.color)) colors.set(v.color, v.colorHex);
    sizes.add(v.size);
  }
  return { colors: [...colors].map(([color, colorHex]) => ({ color, colorHex })), sizes: [...sizes] };
}

/** The variants on sale: every one whose colour and size are both chosen. */
export function chosenVariantIds(product: Product, colors: readonly string[], sizes: readonly string[]): string[] {
  return product.variants.filter((v) => colors.includes(v.color) && sizes.includes(v.size)).map((v) => v.id);
}

/** The colours and sizes that a set of variants covers (to fill the form from a published listing). */
export function choiceOf(product: Product, variantIds: readonly string[]): { colors: string[]; sizes: string[] } {
  const on = product.variants.filter((v) => variantIds.includes(v.id));
  return { colors: [...new Set(on.map((v) => v.color))], sizes: [...new Set(on.map((v) => v.size))] };
}
