import { describe, expect, it } from "vitest";
import { closeToGarmentShare, LOW_CONTRAST_SHARE, rgbToLab } from "./garmentContrast";

/** A 100 × 100 design: a square of `color` covering `cover` of it, the rest transparent, plus `accent` pixels. */
function design(color: [number, number, number], cover = 0.5, accent?: { color: [number, number, number]; share: number }): Uint8ClampedArray {
  const px = new Uint8ClampedArray(100 * 100 * 4);
  const n = Math.round(100 * 100 * cover);
  const accents = accent ? Math.round(n * accent.share) : 0;
  for (let p = 0; p < n; p++) px.set([...(p < accents ? accent!.color : color), 255], p * 4);
  return px;
}

describe("garment contrast", () => {
  it("converts sRGB to L*a*b* as the standard does", () => {
    expect(rgbToLab(255, 255, 255).map((v) => Math.round(v) + 0)).toEqual([100, 0, 0]);
    expect(rgbToLab(0, 0, 0).map((v) => Math.round(v) + 0)).toEqual([0, 0, 0]);
    const red = rgbToLab(255, 0, 0);
    expect(red.map((v) => Math.round(v))).toEqual([53, 80, 67]);
  });

  it("finds a red heart nearly vanishing on the red tee, and standing out on black and white", () => {
    const heart = design([244, 67, 54]); // Noto's red heart
    expect(closeToGarmentShare(heart, "#c01e2e")).toBeGreaterThan(LOW_CONTRAST_SHARE);
    expect(closeToGarmentShare(heart, "#1d1d1f")).toBe(0);
    expect(closeToGarmentShare(heart, "#ffffff")).toBe(0);
  });

  it("judges white text on a white tee and on sand, and black art on a black tee", () => {
    expect(closeToGarmentShare(design([255, 255, 255]), "#ffffff")).toBe(1);
    expect(closeToGarmentShare(design([255, 255, 255]), "#d9c9a6")).toBeLessThan(LOW_CONTRAST_SHARE);
    expect(closeToGarmentShare(design([20, 20, 20]), "#1d1d1f")).toBe(1);
  });

  it("counts only the share that is close: an outline in another colour keeps most of a design visible", () => {
    const outlined = design([192, 30, 46], 0.5, { color: [255, 255, 255], share: 0.7 });
    expect(closeToGarmentShare(outlined, "#c01e2e")).toBeCloseTo(0.3, 1);
  });

  it("has nothing to say of an empty design", () => {
    expect(closeToGarmentShare(new Uint8ClampedArray(100 * 100 * 4), "#c01e2e")).toBeNull();
  });
});
