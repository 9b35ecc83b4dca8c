import { z } from "zod";

/** A line of a refund: how many of its units, and what they gave back. */
export type RefundedLine = { lineId: string; quantity: number; amount: number };

export type RefundableLine = { id: string; quantity: number; unitPrice: number; discount: number; refundedQuantity: number };

/**
 * What giving back `quantity` more units of a line returns: their price less their part of the
 * line's discount. Counted on the running total, so refunding a line one unit at a time gives back
 * exactly what refunding it whole would (the last unit takes the rounding).
 */
export function lineRefundAmount(line: RefundableLine, quantity: number): number {
  const paidFor = (units: number) => units * line.unitPrice - Math.round((line.discount * units) / line.quantity);
  return paidFor(line.refundedQuantity + quantity) - paidFor(line.refundedQuantity);
}

export const refundInput = z.object({
  id: z.uuid(),
  lines: z
    .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1).max(100) }))
    .max(100)
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, "lists a line twice"),
  shipping: z.boolean(),
  reason: z.string().trim().min(1, "is required").max(500),
});
export type RefundInput = z.infer<typeof refundInput>;
