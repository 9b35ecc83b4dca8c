import { describe, expect, it } from "vitest";
import { printPixels, type Product } from "./catalog";
import { coverLayout, hasOwnSize, printSizesOf, variantArea } from "./variantArea";

const area = { id: "poster-print", name: "Print", widthMm: 420, heightMm: 594, dpi: 300, safeMarginMm: 5, bleedMm: 3 };
const poster: Product = {
  id: "poster",
  name: "Poster",
  kind: "poster",
  basePrice: 1600,
  currency: "USD",
  basePrices: { USD: 1600 },
  minDpi: 300,
  printAreas: [area],
  variants: [
    { id: "a3", color: "White", colorHex: "#ffffff", size: "A3", printSizes: [{ printAreaId: "poster-print", widthMm: 297, heightMm: 420, dpi: 300 }] },
    { id: "a2", color: "White", colorHex: "#ffffff", size: "A2" },
  ],
};

describe("variant print sizes", () => {
  it("give a variant its own size and DPI on an area, and the area's own otherwise", () => {
    expect(printPixels(variantArea(poster, area, "a3"))).toEqual({ width: 3508, height: 4961 });
    expect(variantArea(poster, area, "a2")).toBe(area);
    expect(variantArea(poster, area, null)).toBe(area);
    expect([hasOwnSize(poster, area, "a3"), hasOwnSize(poster, area, "a2")]).toEqual([true, false]);
    expect(printSizesOf(poster, area).map((s) => [s.area.widthMm, s.variantIds])).toEqual([
      [297, ["a3"]],
      [420, ["a2"]],
    ]);
  });

  it("cover a file of another shape with the artboard scaled uniformly and centred", () => {
    // The same shape: drawn at exactly the file's pixels.
    expect(coverLayout(area, { width: 3508, height: 4961 })).toEqual({ full: { width: 3508, height: 4961 }, left: 0, top: 0 });
    // A taller, narrower phone template than the area: full width, the extra height trimmed top and bottom alike.
    const phone = coverLayout({ widthMm: 76, heightMm: 160 }, { width: 886, height: 1783 });
    expect(phone.full.width).toBe(886);
    expect(phone.full.height).toBe(Math.round(160 * (886 / 76)));
    expect(phone.top).toBe(Math.floor((phone.full.height - 1783) / 2));
    expect(phone.left).toBe(0);
    // A wider one: full height, trimmed left and right.
    expect(coverLayout({ widthMm: 100, heightMm: 100 }, { width: 200, height: 100 })).toEqual({ full: { width: 200, height: 200 }, left: 0, top: 50 });
  });
});
