import { z } from "zod";
import { SHOP_CURRENCIES } from "./shipping";

/** A discount code's terms, as checkout applies them. */
export type DiscountTerms = { kind: "percent" | "fixed"; value: number; currency: string | null; listingId: string | null };
export type DiscountableLine = { listingId: string; unitPrice: number; quantity: number };

/**
 * What a code takes off, line by line (the lines a per-listing code does not cover get 0): a
 * percentage of each covered line, rounded per line; a fixed amount spread over the covered lines
 * in proportion to their totals, never more than they cost. The shares add up to the total
 * exactly, so a line refunded later gives back what the buyer paid for it.
 */
export function discountShares(terms: DiscountTerms, lines: readonly DiscountableLine[]): number[] {
  const covered = lines.map((l) => terms.listingId === null || l.listingId === terms.listingId);
  const totals = lines.map((l) => l.unitPrice * l.quantity);
  if (terms.kind === "percent") return totals.map((t, i) => (covered[i] ? Math.round((t * terms.value) / 100) : 0));
  const base = totals.reduce((sum, t, i) => sum + (covered[i] ? t : 0), 0);
  const off = Math.min(terms.value, base);
  if (off === 0) return totals.map(() => 0);
  // Largest remainder: floor each share, then hand the leftover units to the biggest fractions.
  const exact = totals.map((t, i) => (covered[i] ? (t * off) / base : 0));
  const shares = exact.map(Math.floor);
  let left = off - shares.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byFraction) {
    if (left-- <= 0) break;
    shares[i]! += 1;
  }
  return shares;
}

/** A code as shoppers type it: letters, digits, - and _, any case; stored upper case. */
export const discountCodeText = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(32, "must be at most 32 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _")
  .transform((c) => c.toUpperCase());

/** What the shop admin sends to make a code. */
export const newDiscountInput = z
  .object({
    code: discountCodeText,
    kind: z.enum(["percent", "fixed"]),
    value: z.number().int().min(1),
    currency: z.enum(SHOP_CURRENCIES).nullable(),
    listingId: z.uuid().nullable(),
    maxUses: z.number().int().min(1).max(1_000_000).nullable(),
    expiresAt: z.coerce.date().nullable(),
  })
  .superRefine((d, ctx) => {
    if (d.kind === "percent" && d.value > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "must be at most 100 %" });
    if (d.kind === "percent" && d.currency !== null) ctx.addIssue({ code: "custom", path: ["currency"], message: "goes with a fixed amount only" });
    if (d.kind === "fixed" && d.currency === null) ctx.addIssue({ code: "custom", path: ["currency"], message: "is required for a fixed amount" });
    if (d.kind === "fixed" && d.value > (d.currency === "KRW" ? 10_000_000 : 1_000_000)) ctx.addIssue({ code: "custom", path: ["value"], message: "is more than any order costs" });
    if (d.expiresAt && d.expiresAt.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "must be in the future" });
  });
export type NewDiscount = z.infer<typeof newDiscountInput>;
