import { describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { currencySymbol, toMajor, toMinor } from "./money";
import { choiceOf, chosenVariantIds, colorsAndSizes } from "./variantChoice";

const tee: Product = {
  id: "tee",
  name: "Tee",
  kind: "tshirt",
  basePrice: 1800,
  currency: "USD",
  basePrices: { USD: 1800 },
  minDpi: 150,
  printAreas: [],
  variants: ["White", "Black"].flatMap((color) => ["S", "M", "L"].map((size) => ({ id: `${color}-${size}`, color, colorHex: color === "White" ? "#fff" : "#000", size }))),
};

describe("sell form choices", () => {
  it("lists colours and sizes once each, in catalog order", () => {
    expect(colorsAndSizes(tee)).toEqual({ colors: [{ color: "White", colorHex: "#fff" }, { color: "Black", colorHex: "#000" }], sizes: ["S", "M", "L"] });
  });

  it("puts on sale every chosen colour in every chosen size, and reads a choice back", () => {
    const ids = chosenVariantIds(tee, ["Black"], ["S", "L"]);
    expect(ids).toEqual(["Black-S", "Black-L"]);
    expect(choiceOf(tee, ids)).toEqual({ colors: ["Black"], sizes: ["S", "L"] });
  });

  it("converts prices between the currency's units and minor units", () => {
    expect(toMinor(24.5, "USD")).toBe(2450);
    expect(toMinor(19.99, "USD")).toBe(1999);
    expect(toMinor(32000, "KRW")).toBe(32000);
    expect(toMajor(2450, "USD")).toBe(24.5);
    expect(currencySymbol("USD", "en-US")).toBe("$");
    expect(currencySymbol("KRW", "ko-KR")).toBe("₩");
  });
});
