import { describe, expect, it } from "vitest";
import { boxMask, rectangularField } from "./rectangularField";

const S = 64;
type Rgb = [number, number, number];
const WHITE: Rgb = [255, 255, 255];

/** A 64 px image on white, painted by `colour(x, y)` (undefined leaves the paper). */
function paint(colour: (x: number, y: number) => Rgb | undefined): Uint8Array {
  const rgb = new Uint8Array(S * S * 3).fill(255);
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) rgb.set(colour(x, y) ?? WHITE, (y * S + x) * 3);
  return rgb;
}

const inFlag = (x: number, y: number) => x >= 2 && x <= 61 && y >= 12 && y <= 51;

describe("rectangularField", () => {
  it("finds Malta's flag, whose white half touches the paper, by its red half and the centring", () => {
    const malta = paint((x, y) => {
      if (!inFlag(x, y)) return undefined;
      if (x >= 32) return [207, 20, 43];
      return x >= 6 && x <= 10 && y >= 15 && y <= 19 ? [150, 150, 150] : WHITE; // the George Cross
    });
    expect(rectangularField(malta, S, S)).toEqual({ x0: 2, y0: 12, x1: 61, y1: 51 });
  });

  it("finds Côte d'Ivoire's, white between two bands", () => {
    const flag = paint((x, y) => (!inFlag(x, y) ? undefined : x < 22 ? [247, 127, 0] : x > 41 ? [0, 158, 96] : WHITE));
    expect(rectangularField(flag, S, S)).toEqual({ x0: 2, y0: 12, x1: 61, y1: 51 });
  });

  it("leaves round, pointed and waved art alone", () => {
    const disc = paint((x, y) => (Math.hypot(x - 31.5, y - 31.5) < 28 ? [214, 40, 40] : undefined));
    // A castle: a straight wall with pointed towers; its top corners are paper.
    const castle = paint((x, y) => (x >= 2 && x <= 61 && (y >= 36 ? y <= 61 : y >= 10 + Math.abs(((x - 2) % 20) - 10) * 2.5) ? [150, 160, 170] : undefined));
    // A waved flag: red, its top and bottom edges a sine.
    const waved = paint((x, y) => {
      const lift = 4 * Math.sin((x / S) * 2 * Math.PI);
      return x >= 2 && x <= 61 && y >= 12 + lift && y <= 51 + lift ? [200, 30, 30] : undefined;
    });
    expect(rectangularField(disc, S, S)).toBeNull();
    expect(rectangularField(castle, S, S)).toBeNull();
    expect(rectangularField(waved, S, S)).toBeNull();
    expect(rectangularField(paint(() => undefined), S, S)).toBeNull();
  });

  it("masks the box with hard edges at the scale", () => {
    const mask = boxMask({ x0: 1, y0: 2, x1: 2, y1: 2 }, 4, 4, 2);
    const rows = Array.from({ length: 8 }, (_, y) => [...mask.subarray(y * 8, y * 8 + 8)].map((v) => (v ? 1 : 0)).join(""));
    expect(rows).toEqual(["00000000", "00000000", "00000000", "00000000", "00111100", "00111100", "00000000", "00000000"]);
  });
});
