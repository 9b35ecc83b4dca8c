import { z } from "zod";
import { countryCode } from "./address";

/** The shop's currencies: a listing is priced in one, a cart holds one. */
export const SHOP_CURRENCIES = ["USD", "KRW"] as const;
export type ShopCurrency = (typeof SHOP_CURRENCIES)[number];
export const isShopCurrency = (c: string): c is ShopCurrency => (SHOP_CURRENCIES as readonly string[]).includes(c);

/** Where a parcel goes, seen from the shop: its own country, the nearby zone, or anywhere else. */
export const SHIPPING_ZONES = ["domestic", "zone", "world"] as const;
export type ShippingZone = (typeof SHIPPING_ZONES)[number];

/** One rate, in minor units: the first item, each further one, and free from a subtotal (null: never). */
export type ShippingRate = { first: number; each: number; freeFrom: number | null };
export type ShippingTable = { zoneCountries: string[]; rates: Record<ShopCurrency, Record<ShippingZone, ShippingRate>> };

/**
 * The rates a shop starts with until its admin edits them: within the shop's country 4.99 for the
 * first item and 1.50 for each further one, free from 100.00; nearby 8.99 + 2.00; elsewhere 12.99 +
 * 3.00. In won, as Korean shops charge: ₩3,000 + ₩1,000, free from ₩50,000; nearby ₩12,000 + ₩3,000;
 * elsewhere ₩17,000 + ₩4,000.
 */
export const DEFAULT_RATES: ShippingTable["rates"] = {
  USD: { domestic: { first: 499, each: 150, freeFrom: 10_000 }, zone: { first: 899, each: 200, freeFrom: null }, world: { first: 1299, each: 300, freeFrom: null } },
  KRW: { domestic: { first: 3000, each: 1000, freeFrom: 50_000 }, zone: { first: 12_000, each: 3000, freeFrom: null }, world: { first: 17_000, each: 4000, freeFrom: null } },
};

/** The neighbours a shop in this country starts with as its zone. */
export function defaultZoneCountries(originCountry: string): string[] {
  if (originCountry === "KR") return ["JP", "CN", "TW", "HK"];
  if (originCountry === "US") return ["CA", "MX"];
  return [];
}

export const defaultShippingTable = (originCountry: string): ShippingTable => ({ zoneCountries: defaultZoneCountries(originCountry), rates: DEFAULT_RATES });

export function shippingZone(country: string, originCountry: string, zoneCountries: readonly string[]): ShippingZone {
  if (country === originCountry) return "domestic";
  return zoneCountries.includes(country) ? "zone" : "world";
}

export function shippingCost(table: ShippingTable, input: { country: string; originCountry: string; itemCount: number; subtotal: number; currency: string }): number {
  if (input.itemCount <= 0) return 0;
  const rate = table.rates[isShopCurrency(input.currency) ? input.currency : "USD"][shippingZone(input.country, input.originCountry, table.zoneCountries)];
  if (rate.freeFrom !== null && input.subtotal >= rate.freeFrom) return 0;
  return rate.first + rate.each * (input.itemCount - 1);
}

/** The most one parcel may cost ($1,000, ₩1,000,000): a typo of extra zeros is refused, not charged. */
const MAX_RATE: Record<ShopCurrency, number> = { USD: 100_000, KRW: 1_000_000 };

const rateInput = (currency: ShopCurrency) => {
  const amount = z.number().int().min(0).max(MAX_RATE[currency]);
  return z.object({ first: amount, each: amount, freeFrom: z.number().int().min(1).max(MAX_RATE[currency] * 100).nullable() });
};

/** What the admin sends to replace the table: every currency and zone, and the zone's countries. */
export const shippingTableInput = z.object({
  zoneCountries: z
    .array(countryCode)
    .max(100)
    .refine((cs) => new Set(cs).size === cs.length, "lists a country twice"),
  rates: z.object({
    USD: z.object({ domestic: rateInput("USD"), zone: rateInput("USD"), world: rateInput("USD") }),
    KRW: z.object({ domestic: rateInput("KRW"), zone: rateInput("KRW"), world: rateInput("KRW") }),
  }),
});
