/**
 * The shipping rule, stated once and shown to shoppers: within the shop's country, 4.99 for the
 * first item and 1.50 for each further item, free from 100.00; abroad, 12.99 and 3.00 per further
 * item. In minor units of a two-decimal currency.
 */
export const SHIPPING_RULE = {
  domestic: { first: 499, each: 150, freeFrom: 10_000 },
  international: { first: 1299, each: 300, freeFrom: null },
} as const;

export function shippingCost(input: { country: string; originCountry: string; itemCount: number; subtotal: number }): number {
  if (input.itemCount <= 0) return 0;
  const rule = input.country === input.originCountry ? SHIPPING_RULE.domestic : SHIPPING_RULE.international;
  if (rule.freeFrom !== null && input.subtotal >= rule.freeFrom) return 0;
  return rule.first + rule.each * (input.itemCount - 1);
}
