import { describe, expect, it } from "vitest";
import { fillHoles } from "./fillHoles";

const W = 40;

/** A red ring (outer radius 15, inner 6) on transparent, with an optional gap cut through its wall. */
function ring(gapWidth = 0): Uint8Array {
  const rgba = new Uint8Array(W * W * 4);
  for (let y = 0; y < W; y++) {
    for (let x = 0; x < W; x++) {
      const d = Math.hypot(x - 20, y - 20);
      const inGap = gapWidth > 0 && x > 20 && Math.abs(y - 20) < gapWidth / 2;
      if (d <= 15 && d > 6 && !inGap) rgba.set([220, 30, 30, 255], (y * W + x) * 4);
    }
  }
  return rgba;
}

const alphaAt = (rgba: Uint8Array, x: number, y: number) => rgba[(y * W + x) * 4 + 3];

describe("fillHoles", () => {
  it("makes a hole in the subject opaque white and leaves the background alone", () => {
    const rgba = ring();
    expect(fillHoles(rgba, W, W, 4)).toBeGreaterThan(100);
    expect(alphaAt(rgba, 20, 20)).toBe(255);
    expect([...rgba.subarray((20 * W + 20) * 4, (20 * W + 20) * 4 + 3)]).toEqual([255, 255, 255]);
    expect(alphaAt(rgba, 1, 1)).toBe(0);
    expect(alphaAt(rgba, 20, 37)).toBe(0);
  });

  it("closes a break in the outline narrower than the gap, but not a wide opening", () => {
    const narrow = ring(2);
    fillHoles(narrow, W, W, 4);
    expect(alphaAt(narrow, 20, 20)).toBe(255);
    const wide = ring(10);
    // Only the closing's rounding of sharp inner corners, never the opening itself.
    expect(fillHoles(wide, W, W, 4)).toBeLessThan(20);
    expect(alphaAt(wide, 20, 20)).toBe(0);
    expect(alphaAt(wide, 28, 20)).toBe(0);
  });

  it("keeps the subject's anti-aliased outer edge", () => {
    const rgba = ring();
    rgba[(20 * W + 35) * 4 + 3] = 140;
    fillHoles(rgba, W, W, 4);
    expect(alphaAt(rgba, 35, 20)).toBe(140);
  });
});
