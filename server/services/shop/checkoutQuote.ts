import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { discountShares } from "@/domain/shop/discount";
import { addsSalesTax } from "@/domain/shop/tax";
import { shippingCost, shippingZone, SHIPPING_ZONES } from "@/domain/shop/shipping";
import { getCart } from "./cartService";
import type { CartView } from "./cartView";
import { applicableDiscount, type DiscountCode, termsOf } from "./discountCodes";
import { checkoutProvider, type ProviderId } from "./payments/paymentProviders";
import { readShippingTable } from "./shippingTable";
import { stripeTaxOn } from "./shopSettings";

/** What the order will cost, before it is placed: the checkout summary shows exactly this. */
export const checkoutQuote = z.object({
  currency: z.string(),
  itemCount: z.number().int(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  /** The code as applied (upper case), or null. */
  discountCode: z.string().nullable(),
  shipping: z.number().int(),
  shippingZone: z.enum(SHIPPING_ZONES),
  total: z.number().int(),
  /** Stripe Tax adds sales tax to `total` on the payment page (the shop turned it on; dollar orders through Stripe). */
  taxAtPayment: z.boolean(),
});
export type CheckoutQuote = z.infer<typeof checkoutQuote>;

export type PricedCart = { quote: CheckoutQuote; code: DiscountCode | null; shares: number[] };

/**
 * Prices a cart for a destination: the discount (line by line), then shipping by the shop's table
 * on what is left to pay (a discount can take an order under the free-shipping threshold), then
 * the total. Checkout charges what this returns.
 */
export async function priceCart(db: DbOrTx, view: CartView, input: { country: string; discountCode?: string }, providerId: ProviderId): Promise<PricedCart> {
  const lines = view.lines.map((l) => ({ listingId: l.listingId, unitPrice: l.unitPrice ?? 0, quantity: l.quantity }));
  const code = input.discountCode ? await applicableDiscount(db, input.discountCode, { currency: view.currency, listingIds: lines.map((l) => l.listingId) }) : null;
  const shares = code ? discountShares(termsOf(code), lines) : lines.map(() => 0);
  const discount = shares.reduce((a, b) => a + b, 0);
  const table = await readShippingTable(db);
  const shipping = shippingCost(table, { country: input.country, originCountry: table.originCountry, itemCount: view.itemCount, subtotal: view.subtotal - discount, currency: view.currency });
  const quote: CheckoutQuote = {
    currency: view.currency,
    itemCount: view.itemCount,
    subtotal: view.subtotal,
    discount,
    discountCode: code?.code ?? null,
    shipping,
    shippingZone: shippingZone(input.country, table.originCountry, table.zoneCountries),
    total: view.subtotal - discount + shipping,
    taxAtPayment: providerId === "stripe" && addsSalesTax(view.currency) && (await stripeTaxOn(db)),
  };
  return { quote, code, shares };
}

/** The quote for the cart as it is now. */
export async function quoteCart(db: DbOrTx, cartId: string | null, input: { country: string; discountCode?: string }): Promise<CheckoutQuote> {
  return (await priceCart(db, await getCart(db, cartId), input, checkoutProvider().id)).quote;
}
