import { describe, expect, it } from "vitest";
import type { Product } from "@/domain/catalog/catalog";
import { artboardOf, guidesOf } from "@/domain/design/artboard";
import { shapeBox } from "../editor/store/geometry";
import { makeShape } from "../editor/store/shapeTypes";
import { imageDpi, preflight } from "./preflight";

const poster: Product = {
  id: "poster",
  name: "Matte Poster",
  kind: "poster",
  basePrice: 1600,
  currency: "USD",
  minDpi: 300,
  variants: [{ id: "poster-white-a2", color: "White", colorHex: "#ffffff", size: "A2" }],
  printAreas: [{ id: "poster-print", name: "Print", widthMm: 420, heightMm: 594, dpi: 300, safeMarginMm: 5, bleedMm: 3 }],
};
const tee: Product = {
  ...poster,
  id: "tee",
  kind: "tshirt",
  minDpi: 150,
  printAreas: [
    { id: "tee-front", name: "Front", widthMm: 304.8, heightMm: 406.4, dpi: 150, safeMarginMm: 12.7, bleedMm: 0 },
    { id: "tee-back", name: "Back", widthMm: 304.8, heightMm: 406.4, dpi: 150, safeMarginMm: 12.7, bleedMm: 0 },
  ],
};
const area = poster.printAreas[0]!;
const { safe, trim } = guidesOf(area);
const kinds = (issues: ReturnType<typeof preflight>) => issues.map((i) => i.kind);

describe("preflight", () => {
  it("finds nothing wrong with a sharp image well inside the safe zone", () => {
    // 2.02 units a millimetre: a 1000 px image 100 units wide prints at about 513 DPI.
    const img = makeShape("image", { x: safe.x + 10, y: safe.y + 10 }, { width: 100, height: 100, src: "/a.png" });
    expect(preflight(poster, [img], shapeBox, new Map([["/a.png", { width: 1000, height: 1000 }]]))).toEqual([]);
  });

  it("computes effective DPI from the source pixels (or the crop) and the printed size", () => {
    const board = artboardOf(area);
    // The whole A2 width (16.54 in) from a 4961 px image is 300 DPI; from its 2480 px crop, 150.
    const full = makeShape("image", { x: 0, y: 0 }, { width: board.width, height: board.height });
    expect(imageDpi(full, area, { width: 4961, height: 7016 })).toBe(300);
    expect(imageDpi({ ...full, crop: { x: 0, y: 0, width: 2480, height: 3508 } }, area, { width: 4961, height: 7016 })).toBe(150);
    expect(imageDpi(full, area, undefined)).toBeNull();
  });

  it("flags low DPI against the product's minimum, and names the bundled model's 64 px images", () => {
    const low = makeShape("image", { x: safe.x, y: safe.y }, { width: 400, height: 400, src: "/low.png" });
    const tiny = makeShape("image", { x: safe.x, y: safe.y + 450 }, { width: 100, height: 100, src: "/tiny.png" });
    const issues = preflight(poster, [low, tiny], shapeBox, new Map([["/low.png", { width: 800, height: 800 }], ["/tiny.png", { width: 64, height: 64 }]]));
    expect(issues).toEqual([
      expect.objectContaining({ kind: "lowDpi", shape: low, min: 300, dpi: 103 }),
      expect.objectContaining({ kind: "bundled", shape: tiny, width: 64, height: 64 }),
    ]);
  });

  it("tells apart the safe zone, the bleed, outside the area, and a background that covers the trim", () => {
    const inBleed = makeShape("rect", { x: trim.x - 3, y: safe.y }, { width: 50, height: 50 });
    const pastSafe = makeShape("rect", { x: trim.x + 2, y: safe.y }, { width: 50, height: 50 });
    const outside = makeShape("rect", { x: -40, y: safe.y + 100 }, { width: 50, height: 50 });
    const background = makeShape("rect", { x: 0, y: 0 }, { ...artboardOf(area) });
    expect(kinds(preflight(poster, [background, inBleed, pastSafe, outside], shapeBox, new Map()))).toEqual(["bleed", "safe", "outside"]);
  });

  it("flags text under 6 pt, and each empty print area", () => {
    // 1200 units for 594 mm: 2.02 units a millimetre; 6 pt is 2.1 mm, so 4 units is 5.6 pt.
    const small = makeShape("text", { x: safe.x, y: safe.y }, { fontSize: 4, width: 100, height: 6 });
    const fine = makeShape("text", { x: safe.x, y: safe.y + 20 }, { fontSize: 12, width: 100, height: 16 });
    expect(preflight(poster, [small, fine], shapeBox, new Map())).toEqual([expect.objectContaining({ kind: "smallText", shape: small, pt: 5.6 })]);
    const front = makeShape("rect", { x: 300, y: 300 }, { width: 100, height: 100 });
    expect(preflight(tee, [front], shapeBox, new Map()).map((i) => [i.kind, i.area.id])).toEqual([["empty", "tee-back"]]);
    expect(kinds(preflight(tee, [{ ...front, hidden: true }], shapeBox, new Map()))).toEqual(["empty", "empty"]);
  });
});
