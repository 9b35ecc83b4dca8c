import { describe, expect, it } from "vitest";
import { shapeAt, shapeBox } from "../store/geometry";
import { makeShape, SHAPE_TYPES } from "../store/shapeTypes";
import { SHAPE_UTILS } from "./shapeUtils";

describe("each shape type's geometry", () => {
  it("has bounds and a hit test for every type", () => {
    for (const type of SHAPE_TYPES) expect(SHAPE_UTILS[type], type).toBeDefined();
  });

  it("rect: its box, and its box turned when rotated", () => {
    const r = makeShape("rect", { x: 10, y: 20 }, { width: 100, height: 50 });
    expect(shapeBox(r)).toEqual({ x: 10, y: 20, width: 100, height: 50 });
    const turned = shapeBox({ ...r, rotation: 90 });
    expect(turned.width).toBeCloseTo(50);
    expect(turned.height).toBeCloseTo(100);
    expect(turned.x).toBeCloseTo(-40);
    expect(SHAPE_UTILS.rect.hitTest({ ...r, rotation: 90 }, { x: -20, y: 60 }, 0)).toBe(true);
    expect(SHAPE_UTILS.rect.hitTest({ ...r, rotation: 90 }, { x: 60, y: 30 }, 0)).toBe(false);
  });

  it("ellipse: centred on (x, y), hit only inside the curve", () => {
    const e = makeShape("ellipse", { x: 100, y: 100 }, { width: 100, height: 50 });
    expect(shapeBox(e)).toEqual({ x: 50, y: 75, width: 100, height: 50 });
    expect(SHAPE_UTILS.ellipse.hitTest(e, { x: 149, y: 100 }, 0)).toBe(true);
    expect(SHAPE_UTILS.ellipse.hitTest(e, { x: 145, y: 120 }, 0)).toBe(false);
  });

  it("paths: bounds pad by half the stroke; hits near a segment only", () => {
    const l = makeShape("line", { x: 0, y: 0 }, { points: [0, 0, 100, 0], strokeWidth: 4 });
    expect(shapeBox(l)).toEqual({ x: -2, y: -2, width: 104, height: 4 });
    expect(SHAPE_UTILS.line.hitTest(l, { x: 50, y: 3 }, 2)).toBe(true);
    expect(SHAPE_UTILS.line.hitTest(l, { x: 50, y: 10 }, 2)).toBe(false);
  });

  it("shapeAt finds the topmost visible, unlocked shape under a point", () => {
    const low = makeShape("rect", { x: 0, y: 0 }, { width: 100, height: 100 });
    const high = makeShape("rect", { x: 50, y: 50 }, { width: 100, height: 100 });
    const hidden = makeShape("rect", { x: 0, y: 0 }, { width: 200, height: 200, hidden: true });
    expect(shapeAt([low, high, hidden], { x: 75, y: 75 }, 0)?.id).toBe(high.id);
    expect(shapeAt([low, { ...high, locked: true }], { x: 75, y: 75 }, 0)?.id).toBe(low.id);
    expect(shapeAt([low], { x: 500, y: 500 }, 0)).toBeUndefined();
  });
});
