import { z } from "zod";

export const cartLineView = z.object({
  id: z.string(),
  listingId: z.string(),
  variantId: z.string(),
  quantity: z.number().int(),
  /** The listing's price now, from the server; null when the item is no longer on sale. */
  unitPrice: z.number().int().nullable(),
  available: z.boolean(),
  title: z.string(),
  slug: z.string(),
  productId: z.string().nullable(),
  productName: z.string(),
  color: z.string().nullable(),
  colorHex: z.string().nullable(),
  size: z.string().nullable(),
  imageUrl: z.string().nullable(),
  stockLeft: z.number().int().nullable(),
});
export type CartLineView = z.infer<typeof cartLineView>;

/** The shopper's cart with today's prices: what cart.get and every cart change answer. */
export const cartView = z.object({ lines: z.array(cartLineView), subtotal: z.number().int(), currency: z.string(), itemCount: z.number().int() });
export type CartView = z.infer<typeof cartView>;
