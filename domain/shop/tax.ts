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

/**
 * With Stripe Tax on, Stripe adds sales tax to a dollar order at payment. What it added is read
 * back from the amount paid; more than this share of the order is no tax but a mismatch.
 */
export const MAX_ADDED_TAX_RATE = 0.3;

/** The tax in an amount paid for an order of `total`, or null when the amount cannot be total plus tax. */
export function addedTax(paid: number, total: number): number | null {
  const tax = paid - total;
  return tax >= 0 && tax <= Math.ceil(total * MAX_ADDED_TAX_RATE) ? tax : null;
}

/** Stripe Tax adds tax to prices shown before tax: dollars. Won prices already include VAT. */
export const addsSalesTax = (currency: string) => currency === "USD";
