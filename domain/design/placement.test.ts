import { describe, expect, it } from "vitest";
import type { PrintArea } from "../catalog/catalog";
import { effectiveDpi, guidesOf } from "./artboard";
import { isVectorSource, isVectorType, placedSize, placeOnArea } from "./placement";

const front: PrintArea = { id: "tee-front", name: "Front", widthMm: 304.8, heightMm: 406.4, dpi: 150, safeMarginMm: 12.7, bleedMm: 0 };
const poster: PrintArea = { id: "poster-print", name: "Print", widthMm: 420, heightMm: 594, dpi: 300, safeMarginMm: 5, bleedMm: 3 };
const safe = guidesOf(front).safe;

describe("where an image lands on a print area", () => {
  it("a raster: as large as still prints at the area's DPI, centred", () => {
    // 1024 px at 150 DPI is 6.83 in (173 mm) a side: well inside the tee's 279 × 381 mm safe zone.
    const box = placeOnArea(front, { width: 1024, height: 1024 });
    expect(Math.round(effectiveDpi({ width: 1024, height: 1024 }, box, front))).toBe(150);
    expect(box.width / (1200 / 406.4)).toBeCloseTo(173.4, 1);
    expect(box.x + box.width / 2).toBeCloseTo(safe.x + safe.width / 2);
    expect(box.y + box.height / 2).toBeCloseTo(safe.y + safe.height / 2);
  });

  it("a raster with more pixels than the area needs: capped to the safe zone, keeping its aspect", () => {
    const box = placeOnArea(front, { width: 6000, height: 3000 });
    expect(box.width).toBeCloseTo(safe.width);
    expect(box.height).toBeCloseTo(safe.width / 2);
    expect(box.x).toBeCloseTo(safe.x);
    expect(effectiveDpi({ width: 6000, height: 3000 }, box, front)).toBeGreaterThan(150);
  });

  it("holds each area's own DPI: the same image lands half as wide on a 300 DPI poster", () => {
    const teeSize = placedSize(front, { width: 900, height: 600 });
    const posterSize = placedSize(poster, { width: 900, height: 600 });
    const mm = (units: number, area: PrintArea) => units / (1200 / Math.max(area.widthMm, area.heightMm));
    expect(mm(teeSize.width, front)).toBeCloseTo(152.4, 1); // 6 in
    expect(mm(posterSize.width, poster)).toBeCloseTo(76.2, 1); // 3 in
    expect(Math.round(effectiveDpi({ width: 900, height: 600 }, posterSize, poster))).toBe(300);
  });

  it("a bundled-model preview: the size its print-ready version (16×) holds the DPI at, not a 1 cm speck", () => {
    const box = placeOnArea(front, { width: 64, height: 64 });
    expect(Math.round(effectiveDpi({ width: 1024, height: 1024 }, box, front))).toBe(150);
  });

  it("a vector fills the safe zone whatever its intrinsic size", () => {
    const tall = placeOnArea(front, { width: 72, height: 128, vector: true });
    expect(tall.height).toBeCloseTo(safe.height);
    expect(tall.width).toBeCloseTo((safe.height * 72) / 128);
    expect(tall.y).toBeCloseTo(safe.y);
    const wide = placedSize(front, { width: 2000, height: 500, vector: true });
    expect(wide.width).toBeCloseTo(safe.width);
  });

  it("beside art already on the area: at most half the safe zone, so it joins the design instead of covering it", () => {
    const vector = placedSize(front, { width: 72, height: 128, vector: true }, true);
    expect(vector.height).toBeCloseTo(safe.height / 2);
    const raster = placedSize(front, { width: 6000, height: 3000 }, true);
    expect(raster.width).toBeCloseTo(safe.width / 2);
    // Already small enough: the DPI rule still decides.
    expect(placedSize(front, { width: 300, height: 300 }, true)).toEqual(placedSize(front, { width: 300, height: 300 }));
  });

  it("a drop point moves the box only as far as it must to stay in the safe zone", () => {
    const at = { x: safe.x + 300, y: safe.y + 400 };
    const box = placeOnArea(front, { width: 300, height: 300 }, at);
    expect([box.x + box.width / 2, box.y + box.height / 2]).toEqual([at.x, at.y]);
    const corner = placeOnArea(front, { width: 300, height: 300 }, { x: -500, y: 5000 });
    expect(corner.x).toBeCloseTo(safe.x);
    expect(corner.y + corner.height).toBeCloseTo(safe.y + safe.height);
  });

  it("knows an SVG by its content type", () => {
    expect(isVectorType("image/svg+xml")).toBe(true);
    expect(isVectorType("image/svg+xml; charset=utf-8")).toBe(true);
    expect(isVectorType("image/png")).toBe(false);
    expect(isVectorType(undefined)).toBe(false);
    expect(isVectorSource({ src: "/api/elements/noto-2764.svg" })).toBe(true);
    expect(isVectorSource({ src: "/api/assets/00000000-0000-4000-8000-000000000001", contentType: "image/png" })).toBe(false);
  });
});
