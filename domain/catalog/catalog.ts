import { z } from "zod";

export const PRODUCT_KINDS = ["tshirt", "hoodie", "mug", "tote", "poster", "stickers", "phone_case"] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const printAreaSchema = z.object({
  id: z.string(),
  name: z.string(),
  widthMm: z.number(),
  heightMm: z.number(),
  dpi: z.number().int(),
  safeMarginMm: z.number(),
  bleedMm: z.number(),
});
export type PrintArea = z.infer<typeof printAreaSchema>;

/** A variant's own print size on one print area (a poster's paper size, a phone model's template). */
export const variantPrintSizeSchema = z.object({ printAreaId: z.string(), widthMm: z.number(), heightMm: z.number(), dpi: z.number().int() });
export type VariantPrintSize = z.infer<typeof variantPrintSizeSchema>;

export const variantSchema = z.object({
  id: z.string(),
  color: z.string(),
  colorHex: z.string(),
  size: z.string(),
  /** Where this variant prints at another size than the print area's own; absent or empty when it never does. */
  printSizes: z.array(variantPrintSizeSchema).optional(),
});
export type Variant = z.infer<typeof variantSchema>;

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  /** Integer minor units of `currency`. */
  basePrice: z.number().int(),
  currency: z.string(),
  /** The base price in each currency a listing of it may be priced in (minor units), `currency`'s included. */
  basePrices: z.record(z.string(), z.number().int()),
  /** Below this an image prints visibly soft. */
  minDpi: z.number().int(),
  variants: z.array(variantSchema),
  printAreas: z.array(printAreaSchema),
});
export type Product = z.infer<typeof productSchema>;

export const productBindingSchema = z.object({ productId: z.string(), variantId: z.string() });
export type ProductBinding = z.infer<typeof productBindingSchema>;

export const MM_PER_INCH = 25.4;

/** A print area's size in print pixels: mm ÷ 25.4 × DPI, rounded. */
export function printPixels(area: Pick<PrintArea, "widthMm" | "heightMm" | "dpi">): { width: number; height: number } {
  return { width: Math.round((area.widthMm / MM_PER_INCH) * area.dpi), height: Math.round((area.heightMm / MM_PER_INCH) * area.dpi) };
}

/** The distinct colours of a product, in catalog order, each with its first variant. */
export function productColors(product: Product): Variant[] {
  const seen = new Map<string, Variant>();
  for (const v of product.variants) if (!seen.has(v.color)) seen.set(v.color, v);
  return [...seen.values()];
}
