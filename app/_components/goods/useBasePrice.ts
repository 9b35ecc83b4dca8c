"use client";

import { useI18n } from "../../_i18n/I18nProvider";

type Priced = { basePrice: number; currency: string; basePrices: Record<string, number> };

/** Writes what a product costs the seller: in won on Korean pages when the catalog has a won price. */
export function useBasePrice(): (product: Priced) => string {
  const { locale, price } = useI18n();
  return (product) => {
    const won = product.basePrices.KRW;
    return locale === "ko" && won !== undefined ? price(won, "KRW") : price(product.basePrice, product.currency);
  };
}
