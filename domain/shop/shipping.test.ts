import { describe, expect, it } from "vitest";
import { addressLines } from "./address";
import { formatMoney, minorDigits } from "./money";
import { canMove } from "./orderStatus";
import { defaultShippingTable, shippingCost, shippingTableInput } from "./shipping";
import { includedVat } from "./tax";

const US = defaultShippingTable("US");

describe("the shipping rule", () => {
  it("charges the first item and each further one, free at home from 100.00", () => {
    expect(shippingCost(US, { country: "US", originCountry: "US", itemCount: 1, subtotal: 2500, currency: "USD" })).toBe(499);
    expect(shippingCost(US, { country: "US", originCountry: "US", itemCount: 3, subtotal: 7500, currency: "USD" })).toBe(799);
    expect(shippingCost(US, { country: "US", originCountry: "US", itemCount: 4, subtotal: 10_000, currency: "USD" })).toBe(0);
    expect(shippingCost(US, { country: "KR", originCountry: "US", itemCount: 2, subtotal: 20_000, currency: "USD" })).toBe(1599);
    expect(shippingCost(US, { country: "KR", originCountry: "US", itemCount: 0, subtotal: 0, currency: "USD" })).toBe(0);
  });

  it("charges the zone's rate to the shop's neighbours, and the admin's table over the defaults", () => {
    expect(shippingCost(US, { country: "CA", originCountry: "US", itemCount: 2, subtotal: 5000, currency: "USD" })).toBe(1099);
    const edited = { ...US, zoneCountries: ["KR"], rates: { ...US.rates, USD: { ...US.rates.USD, zone: { first: 500, each: 0, freeFrom: 4000 } } } };
    expect(shippingCost(edited, { country: "KR", originCountry: "US", itemCount: 3, subtotal: 3999, currency: "USD" })).toBe(500);
    expect(shippingCost(edited, { country: "KR", originCountry: "US", itemCount: 3, subtotal: 4000, currency: "USD" })).toBe(0);
    expect(shippingCost(edited, { country: "CA", originCountry: "US", itemCount: 1, subtotal: 4000, currency: "USD" })).toBe(1299);
  });

  it("refuses a table with a negative, fractional or absurd rate, or a country twice", () => {
    const good = { zoneCountries: ["CA"], rates: US.rates };
    expect(shippingTableInput.safeParse(good).success).toBe(true);
    const bad = (path: string[], value: unknown) => {
      const copy = structuredClone(good) as Record<string, unknown>;
      let at: Record<string, unknown> = copy;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
      at[path.at(-1)!] = value;
      const result = shippingTableInput.safeParse(copy);
      return result.success ? null : result.error.issues[0]!.path.join(".");
    };
    expect(bad(["rates", "USD", "domestic", "first"], -1)).toBe("rates.USD.domestic.first");
    expect(bad(["rates", "KRW", "zone", "each"], 1.5)).toBe("rates.KRW.zone.each");
    expect(bad(["rates", "USD", "world", "first"], 100_001)).toBe("rates.USD.world.first");
    expect(bad(["rates", "KRW", "world", "freeFrom"], 0)).toBe("rates.KRW.world.freeFrom");
    expect(bad(["zoneCountries"], ["CA", "CA"])).toBe("zoneCountries");
    expect(bad(["zoneCountries"], ["XX"])).toBe("zoneCountries.0");
  });

  it("charges in won as Korean shops do: ₩3,000 and ₩1,000 each, free from ₩50,000", () => {
    expect(shippingCost(US, { country: "KR", originCountry: "KR", itemCount: 2, subtotal: 48_000, currency: "KRW" })).toBe(4000);
    expect(shippingCost(US, { country: "KR", originCountry: "KR", itemCount: 3, subtotal: 72_000, currency: "KRW" })).toBe(0);
    expect(shippingCost(US, { country: "US", originCountry: "KR", itemCount: 1, subtotal: 24_000, currency: "KRW" })).toBe(17_000);
  });
});

describe("money", () => {
  it("knows each currency's minor unit and writes amounts in the shopper's locale", () => {
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("KRW")).toBe(0);
    expect(formatMoney(2400, "USD", "en-US")).toBe("$24.00");
    expect(formatMoney(32000, "KRW", "ko-KR")).toBe("₩32,000");
    expect(formatMoney(2400, "USD", "ko-KR")).toBe("US$24.00");
  });
});

describe("order statuses", () => {
  it("moves forward only, with a declined payment retryable until canceled", () => {
    expect(canMove("pending_payment", "paid")).toBe(true);
    expect(canMove("payment_failed", "paid")).toBe(true);
    expect(canMove("paid", "pending_payment")).toBe(false);
    expect(canMove("canceled", "paid")).toBe(false);
    expect(canMove("shipped", "refunded")).toBe(false);
    expect(canMove("in_production", "shipped")).toBe(true);
  });
});

describe("addresses", () => {
  it("put the postal code where the country writes it", () => {
    expect(addressLines({ name: "Ada", line1: "1 Main St", city: "Springfield", postalCode: "62701", country: "US" })).toEqual(["Ada", "1 Main St", "Springfield 62701"]);
    expect(addressLines({ name: "Bo", line1: "Hauptstr. 1", line2: "", city: "Berlin", postalCode: "10115", country: "DE" })).toEqual(["Bo", "Hauptstr. 1", "10115 Berlin"]);
  });
});

describe("VAT", () => {
  it("is a eleventh of a won price, and nothing in a dollar one", () => {
    expect(includedVat(85_000, "KRW")).toBe(7727);
    expect(includedVat(11_000, "KRW")).toBe(1000);
    expect(includedVat(6249, "USD")).toBeNull();
  });
});
