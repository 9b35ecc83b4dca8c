/**
 * Prices in won include Korea's 10 % VAT, as Korean law has consumer prices shown: the part of a
 * VAT-inclusive amount that is VAT is a eleventh of it, rounded to the won. Dollar prices are shown
 * before any sales tax (which depends on the buyer's state), so nothing is included in them.
 */
export const KOREAN_VAT_RATE = 0.1;

export function includedVat(amount: number, currency: string): number | null {
  if (currency !== "KRW") return null;
  return Math.round((amount * KOREAN_VAT_RATE) / (1 + KOREAN_VAT_RATE));
}
