import { describe, expect, it } from "vitest";
import { decideCard, luhnValid, TEST_CARDS, TEST_VERIFICATION_CODE } from "./testCards";

describe("the test provider's bank", () => {
  it("approves valid cards, declines the decline card and bad numbers, and asks for a code on the verification card", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(decideCard("4242 4242 4242 4242", undefined)).toEqual({ outcome: "approved" });
    expect(decideCard(TEST_CARDS.declined, undefined)).toMatchObject({ outcome: "declined" });
    expect(decideCard("1234", undefined)).toMatchObject({ outcome: "declined" });
    expect(decideCard(TEST_CARDS.needsVerification, undefined)).toEqual({ outcome: "needsVerification" });
    expect(decideCard(TEST_CARDS.needsVerification, TEST_VERIFICATION_CODE)).toEqual({ outcome: "approved" });
    expect(decideCard(TEST_CARDS.needsVerification, "000000")).toMatchObject({ outcome: "declined" });
  });
});
