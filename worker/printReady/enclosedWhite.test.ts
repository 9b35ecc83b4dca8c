import { describe, expect, it } from "vitest";
import { enclosedWhite, upscaleMask } from "./enclosedWhite";

/** A 7×7 image on white: a black ring (an outline) with white inside, and a black dot. */
function ring(): Uint8Array {
  const rows = ["wwwwwww", "wkkkkkw", "wkwwwkw", "wkwwwkw", "wkkkkkw", "wwwwwww", "wwwwwkw"];
  return Uint8Array.from(rows.join("").split("").flatMap((c) => (c === "w" ? [255, 255, 255] : [0, 0, 0])));
}

describe("enclosed white", () => {
  it("is the white inside an outline, not the background that reaches the border", () => {
    const m = enclosedWhite(ring(), 7, 7);
    const at = (x: number, y: number) => m[y * 7 + x];
    expect([at(2, 2), at(3, 3), at(4, 3)]).toEqual([1, 1, 1]);
    expect([at(0, 0), at(6, 6), at(3, 5), at(1, 1)]).toEqual([0, 0, 0, 0]);
    expect(m.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it("upscales to soft 0–255 alpha, full inside and none far outside", () => {
    const big = upscaleMask(enclosedWhite(ring(), 7, 7), 7, 7, 4);
    expect(big[10 * 28 + 10]).toBe(255); // between source pixels (2, 2) and (3, 3), all enclosed
    expect(big[0]).toBe(0);
  });
});
