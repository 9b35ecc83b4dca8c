import { describe, expect, it } from "vitest";
import type { Product } from "../catalog/catalog";
import { SHAPE_VERSION, type Shape } from "../document/shape";
import { artboardOf, guidesOf } from "./artboard";
import { imageDpi, preflight, problemCode, unconfirmedProblems } from "./preflight";

const poster: Product = {
  id: "poster",
  name: "Matte Poster",
  kind: "poster",
  basePrice: 1600,
  currency: "USD",
  basePrices: { USD: 1600 },
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

let n = 0;
function shape(type: Shape["type"], at: { x: number; y: number }, patch: Partial<Shape> = {}): Shape {
  return { v: SHAPE_VERSION, id: `s${++n}`, type, ...at, width: 1, height: 1, rotation: 0, opacity: 1, fill: "#000000", stroke: "#000000", strokeWidth: 0, locked: false, hidden: false, name: `${type} ${n}`, groupId: null, ...patch };
}
const src = (k: number) => `/api/assets/00000000-0000-4000-8000-${String(k).padStart(12, "0")}`;

describe("preflight", () => {
  it("finds nothing wrong with a sharp image well inside the safe zone", () => {
    // 2.02 units a millimetre: a 1000 px image 100 units wide prints at about 513 DPI.
    const img = shape("image", { x: safe.x + 10, y: safe.y + 10 }, { width: 100, height: 100, src: src(1) });
    expect(preflight(poster, [img], new Map([[src(1), { width: 1000, height: 1000 }]]))).toEqual([]);
  });

  it("computes effective DPI from the source pixels (or the crop) and the printed size", () => {
    const board = artboardOf(area);
    // The whole A2 width (16.54 in) from a 4961 px image is 300 DPI; from its 2480 px crop, 150.
    const full = shape("image", { x: 0, y: 0 }, { width: board.width, height: board.height });
    expect(imageDpi(full, area, { width: 4961, height: 7016 })).toBe(300);
    expect(imageDpi({ ...full, crop: { x: 0, y: 0, width: 2480, height: 3508 } }, area, { width: 4961, height: 7016 })).toBe(150);
    expect(imageDpi(full, area, undefined)).toBeNull();
    expect(imageDpi(full, area, { width: 128, height: 128, vector: true })).toBeNull();
  });

  it("flags low DPI against the product's minimum, and names the bundled model's 64 px images", () => {
    const low = shape("image", { x: safe.x, y: safe.y }, { width: 400, height: 400, src: src(2) });
    const tiny = shape("image", { x: safe.x, y: safe.y + 450 }, { width: 100, height: 100, src: src(3) });
    const issues = preflight(poster, [low, tiny], new Map([[src(2), { width: 800, height: 800 }], [src(3), { width: 64, height: 64 }]]));
    expect(issues).toEqual([
      expect.objectContaining({ kind: "lowDpi", shape: low, min: 300, dpi: 103 }),
      expect.objectContaining({ kind: "bundled", shape: tiny, width: 64, height: 64 }),
    ]);
  });

  it("treats a vector as resolution-independent: a 64-unit SVG over the whole safe zone is fine", () => {
    const art = shape("image", { x: safe.x, y: safe.y }, { width: safe.width, height: safe.height, src: src(4) });
    expect(preflight(poster, [art], new Map([[src(4), { width: 64, height: 64, vector: true }]]))).toEqual([]);
    // The same picture as a 64 px raster is a preview, not artwork.
    expect(kinds(preflight(poster, [art], new Map([[src(4), { width: 64, height: 64 }]])))).toEqual(["bundled"]);
  });

  it("tells apart the safe zone, the bleed, outside the area, and a background that covers the trim", () => {
    const inBleed = shape("rect", { x: trim.x - 3, y: safe.y }, { width: 50, height: 50 });
    const pastSafe = shape("rect", { x: trim.x + 2, y: safe.y }, { width: 50, height: 50 });
    const outside = shape("rect", { x: -40, y: safe.y + 100 }, { width: 50, height: 50 });
    const background = shape("rect", { x: 0, y: 0 }, { ...artboardOf(area) });
    expect(kinds(preflight(poster, [background, inBleed, pastSafe, outside], new Map()))).toEqual(["bleed", "safe", "outside"]);
  });

  it("measures a turned shape by the box it covers", () => {
    // 300 × 40 inside the safe zone; turned 90° about its corner it swings left, past the edge.
    const bar = shape("rect", { x: safe.x + 20, y: safe.y + 20 }, { width: 300, height: 40 });
    expect(preflight(poster, [bar], new Map())).toEqual([]);
    expect(kinds(preflight(poster, [{ ...bar, rotation: 90 }], new Map()))).toEqual(["outside"]);
  });

  it("flags text under 6 pt, and each empty print area", () => {
    // 1200 units for 594 mm: 2.02 units a millimetre; 6 pt is 2.1 mm, so 4 units is 5.6 pt.
    const small = shape("text", { x: safe.x, y: safe.y }, { fontSize: 4, width: 100, height: 6 });
    const fine = shape("text", { x: safe.x, y: safe.y + 20 }, { fontSize: 12, width: 100, height: 16 });
    expect(preflight(poster, [small, fine], new Map())).toEqual([expect.objectContaining({ kind: "smallText", shape: small, pt: 5.6 })]);
    const front = shape("rect", { x: 300, y: 300 }, { width: 100, height: 100 });
    expect(preflight(tee, [front], new Map()).map((i) => [i.kind, i.area.id])).toEqual([["empty", "tee-back"]]);
    expect(kinds(preflight(tee, [{ ...front, hidden: true }], new Map()))).toEqual(["empty", "empty"]);
  });
});

describe("what publishing asks the owner to confirm", () => {
  const low = shape("image", { x: 300, y: 300 }, { width: 400, height: 400, src: src(5), area: "tee-front" });
  const cut = shape("rect", { x: -50, y: 100 }, { width: 100, height: 100, area: "tee-front" });
  const edge = shape("rect", { x: 5, y: 600 }, { width: 50, height: 50, area: "tee-front" });
  const issues = preflight(tee, [low, cut, edge], new Map([[src(5), { width: 300, height: 300 }]]));

  it("is each error (low DPI, cut off), not a warning (safe zone) nor an empty area", () => {
    expect(kinds(issues).sort()).toEqual(["empty", "lowDpi", "outside", "safe"]);
    expect(unconfirmedProblems(issues, []).map(problemCode)).toEqual([`lowDpi:tee-front:${low.id}`, `outside:tee-front:${cut.id}`]);
  });

  it("is satisfied only when every one is named; naming others does not count", () => {
    expect(unconfirmedProblems(issues, [`lowDpi:tee-front:${low.id}`, `outside:tee-front:${cut.id}`])).toEqual([]);
    expect(unconfirmedProblems(issues, [`lowDpi:tee-front:${low.id}`, `outside:tee-back:${cut.id}`]).map((i) => i.kind)).toEqual(["outside"]);
    // A problem fixed since the owner confirmed it asks nothing more.
    expect(unconfirmedProblems(issues.filter((i) => i.kind !== "outside"), [`lowDpi:tee-front:${low.id}`, `outside:tee-front:${cut.id}`])).toEqual([]);
  });
});
