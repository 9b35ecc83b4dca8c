import { describe, expect, it } from "vitest";
import { shapeBox } from "./geometry";
import { makeShape } from "./shapeTypes";
import { snapBox, snapResize } from "./snapping";

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

  it("snaps only the edges a resize moves", () => {
    const other = { x: 100, y: 100, width: 100, height: 100 };
    const before = { x: 0, y: 0, width: 50, height: 50 };
    // Dragging the bottom-right corner: right edge to 197 (near 200), bottom to 148 (near 150).
    const snapped = snapResize(before, { x: 0, y: 0, width: 197, height: 148 }, [other], 5);
    expect(snapped.box).toEqual({ x: 0, y: 0, width: 200, height: 150 });
    expect(snapped.guides).toEqual([
      { axis: "x", at: 200 },
      { axis: "y", at: 150 },
    ]);
    // Dragging the left edge only: the left edge snaps to 100, the right edge stays where it was.
    const left = snapResize({ x: 150, y: 300, width: 100, height: 20 }, { x: 103, y: 300, width: 147, height: 20 }, [other], 5);
    expect(left.box).toEqual({ x: 100, y: 300, width: 150, height: 20 });
    expect(left.guides).toEqual([{ axis: "x", at: 100 }]);
    expect(snapResize(before, { x: 0, y: 0, width: 70, height: 70 }, [other], 5).guides).toEqual([]);
  });
});
