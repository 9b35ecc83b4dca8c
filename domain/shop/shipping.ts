/** The shop's currencies: a listing is priced in one, a cart holds one. */
export const SHOP_CURRENCIES = ["USD", "KRW"] as const;
export type ShopCurrency = (typeof SHOP_CURRENCIES)[number];
export const isShopCurrency = (c: string): c is ShopCurrency => (SHOP_CURRENCIES as readonly string[]).includes(c);

type Rule = { first: number; each: number; freeFrom: number | null };

/**
 * The shipping rule, stated once and shown to shoppers, in minor units of each currency: within
 * the shop's country, 4.99 for the first item and 1.50 for each further one, free from 100.00;
 * abroad, 12.99 and 3.00 each. In won, as Korean shops charge: ₩3,000 and ₩1,000 each, free from
 * ₩50,000; abroad ₩17,000 and ₩4,000 each.
 */
export const SHIPPING_RULES: Record<ShopCurrency, { domestic: Rule; international: Rule }> = {
  USD: { domestic: { first: 499, each: 150, freeFrom: 10_000 }, international: { first: 1299, each: 300, freeFrom: null } },
  KRW: { domestic: { first: 3000, each: 1000, freeFrom: 50_000 }, international: { first: 17_000, each: 4000, freeFrom: null } },
};

export const shippingRuleOf = (currency: string) => SHIPPING_RULES[isShopCurrency(currency) ? currency : "USD"];

export function shippingCost(input: { country: string; originCountry: string; itemCount: number; subtotal: number; currency: string }): number {
  if (input.itemCount <= 0) return 0;
  const rules = shippingRuleOf(input.currency);
  const rule = input.country === input.originCountry ? rules.domestic : rules.international;
  if (rule.freeFrom !== null && input.subtotal >= rule.freeFrom) return 0;
  return rule.first + rule.each * (input.itemCount - 1);
}
