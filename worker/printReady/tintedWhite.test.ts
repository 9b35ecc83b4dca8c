import { describe, expect, it } from "vitest";
import { tintedWhite } from "./tintedWhite";

const S = 32;
type Rgb = [number, number, number];

function paint(colour: (x: number, y: number) => Rgb | undefined): Uint8Array {
  const rgb = new Uint8Array(S * S * 3).fill(255);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) rgb.set(colour(x, y) ?? [255, 255, 255], (y * S + x) * 3);
  return rgb;
}

const count = (mask: Uint8Array) => mask.reduce((a, b) => a + b, 0);
const INK: Rgb = [60, 60, 70];
const SNOW: Rgb = [236, 244, 250];

describe("tintedWhite", () => {
  it("keeps a broad tinted surface drawn against ink, though one side meets the paper", () => {
    // A coat: ink on three sides of a 12 × 12 pale block whose bottom is the image's edge.
    const coat = paint((x, y) => (x < 8 || x > 21 || y < 10 ? undefined : x === 8 || x === 21 || y === 10 ? INK : SNOW));
    const mask = tintedWhite(coat, S, S);
    expect(mask[20 * S + 15]).toBe(1);
    expect(mask[(S - 1) * S + 15]).toBe(1);
    expect(count(mask)).toBe(12 * 21);
  });

  it("drops an anti-aliased halo one pixel wide and a glow that fades into the paper", () => {
    const halo = paint((x, y) => (x >= 10 && x <= 20 && y >= 10 && y <= 20 ? INK : x >= 9 && x <= 21 && y >= 9 && y <= 21 ? [240, 240, 240] : undefined));
    // A glow: a pale disc growing paler outward, on paper all round, with a small ink core.
    const glow = paint((x, y) => {
      const d = Math.hypot(x - 16, y - 16);
      if (d < 3) return INK;
      const v = Math.round(234 + d * 1.3);
      return v < 250 ? [v, v, 255] : undefined;
    });
    expect(count(tintedWhite(halo, S, S))).toBe(0);
    expect(count(tintedWhite(glow, S, S))).toBe(0);
  });
});
