/**
 * Card numbers the test provider understands, after the usual test cards: any other valid number
 * is approved.
 */
export const TEST_CARDS = {
  approved: "4242424242424242",
  declined: "4000000000000002",
  needsVerification: "4000002760003184",
} as const;

/** The code the test bank's verification step accepts. */
export const TEST_VERIFICATION_CODE = "123456";

/** Luhn's check digit rule, which every real card number passes. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardDecision = { outcome: "approved" } | { outcome: "declined"; reason: string } | { outcome: "needsVerification" };

/** What the test bank says to a card, and to the verification code when it asked for one. */
export function decideCard(card: string, code: string | undefined): CardDecision {
  const digits = card.replace(/[\s-]/g, "");
  if (!luhnValid(digits)) return { outcome: "declined", reason: "The card number is not valid." };
  if (digits === TEST_CARDS.declined) return { outcome: "declined", reason: "The card was declined." };
  if (digits === TEST_CARDS.needsVerification) {
    if (code === undefined) return { outcome: "needsVerification" };
    if (code.trim() !== TEST_VERIFICATION_CODE) return { outcome: "declined", reason: "The verification code was wrong." };
  }
  return { outcome: "approved" };
}
