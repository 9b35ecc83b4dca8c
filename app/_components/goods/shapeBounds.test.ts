import { describe, expect, it } from "vitest";
import { shapeBounds } from "@/domain/design/shapeBounds";
import { shapeBox } from "../editor/store/geometry";
import { makeShape, SHAPE_TYPES } from "../editor/store/shapeTypes";

/** The server's preflight measures shapes with the domain's geometry; the editor with its own. */
describe("the shared preflight geometry", () => {
  it("is the editor's, for every type, turned or not", () => {
    for (const type of SHAPE_TYPES) {
      for (const rotation of [0, 30, 90, 215]) {
        const s = makeShape(type, { x: 120, y: 80 }, { width: 200, height: 90, rotation, points: [0, 0, 60, -40, 150, 20], strokeWidth: 6 });
        const [a, b] = [shapeBounds(s), shapeBox(s)];
        for (const k of ["x", "y", "width", "height"] as const) expect(a[k], `${type} ${rotation}° ${k}`).toBeCloseTo(b[k], 9);
      }
    }
  });
});
