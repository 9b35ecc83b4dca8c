import { describe, expect, it } from "vitest";
import { shapeBox } from "./geometry";
import { makeShape } from "./shapeTypes";
import { snapBox } from "./snapping";

describe("snapping", () => {
  it("lines up edges and centres within the threshold", () => {
    const other = { x: 100, y: 100, width: 100, height: 100 };
    const snapped = snapBox({ x: 203, y: 147, width: 50, height: 10 }, [other], 5);
    expect(snapped.dx).toBe(-3); // left edge to the other's right edge
    expect(snapped.dy).toBe(-2); // centre to centre (147 + 5 → 150)
    expect(snapped.guides).toEqual([
      { axis: "x", at: 200 },
      { axis: "y", at: 150 },
    ]);
    expect(snapBox({ x: 300, y: 300, width: 10, height: 10 }, [other], 5)).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it("measures rotated shapes by their corners", () => {
    const s = makeShape("rect", { x: 0, y: 0 }, { width: 100, height: 100, rotation: 90 });
    const b = shapeBox(s);
    expect(b.x).toBeCloseTo(-100);
    expect(b.width).toBeCloseTo(100);
  });
});
