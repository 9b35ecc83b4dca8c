/** How many minor units a currency has (2 for USD, 0 for KRW and JPY), from the platform's tables. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in minor units, written for the shopper's locale: $24.00, US$24.00, ₩32,000. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 10 ** digits);
}

/** A formatter's `number`, as next-intl's `format.number` is: the locale is the formatter's. */
type NumberFormatter = { number(value: number, options: { style: "currency"; currency: string }): string };

/** An amount in minor units through a locale's formatter (next-intl's): $24.00, US$24.00, ₩32,000. */
export function formatPriceWith(format: NumberFormatter, amount: number, currency: string): string {
  return format.number(amount / 10 ** minorDigits(currency), { style: "currency", currency });
}
