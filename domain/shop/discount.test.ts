import { describe, expect, it } from "vitest";
import { discountShares } from "./discount";
import { lineRefundAmount } from "./refunds";

const lines = [
  { listingId: "a", unitPrice: 999, quantity: 3 },
  { listingId: "b", unitPrice: 1500, quantity: 1 },
  { listingId: "a", unitPrice: 1, quantity: 1 },
];

describe("discount shares", () => {
  it("round a percentage per line, and skip lines a per-listing code does not cover", () => {
    expect(discountShares({ kind: "percent", value: 15, currency: null, listingId: null }, lines)).toEqual([450, 225, 0]);
    expect(discountShares({ kind: "percent", value: 100, currency: null, listingId: "b" }, lines)).toEqual([0, 1500, 0]);
  });

  it("spread a fixed amount over the covered lines so the shares add up exactly, never past what they cost", () => {
    const shares = discountShares({ kind: "fixed", value: 1000, currency: "USD", listingId: null }, lines);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(shares).toEqual([666, 334, 0]);
    expect(discountShares({ kind: "fixed", value: 100_000, currency: "USD", listingId: "a" }, lines)).toEqual([2997, 0, 1]);
  });
});

describe("line refunds", () => {
  it("give back the same total unit by unit as all at once", () => {
    const line = { id: "l", quantity: 3, unitPrice: 999, discount: 500, refundedQuantity: 0 };
    const whole = lineRefundAmount(line, 3);
    expect(whole).toBe(3 * 999 - 500);
    let sum = 0;
    for (let k = 0; k < 3; k++) sum += lineRefundAmount({ ...line, refundedQuantity: k }, 1);
    expect(sum).toBe(whole);
    expect(lineRefundAmount(line, 1)).toBe(999 - 167);
  });
});
