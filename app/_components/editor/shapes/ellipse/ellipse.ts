import { rotatedBounds, toLocal, type ShapeUtil } from "../shapeUtil";

/** An ellipse: (x, y) is its centre, width and height its diameters. */
export const ellipseUtil: ShapeUtil = {
  bounds: (s) => rotatedBounds(s, -s.width / 2, -s.height / 2),
  hitTest: (s, p, tolerance) => {
    const q = toLocal(s, p);
    const rx = s.width / 2 + tolerance;
    const ry = s.height / 2 + tolerance;
    return (q.x * q.x) / (rx * rx) + (q.y * q.y) / (ry * ry) <= 1;
  },
};
