import type { Box } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";

/** What the editor knows about one type of shape without drawing it. */
export interface ShapeUtil {
  /** The axis-aligned box the shape covers, rotation included. */
  bounds(s: Shape): Box;
  /** Whether a canvas point falls on the shape (within `tolerance` canvas units of a stroke). */
  hitTest(s: Shape, p: { x: number; y: number }, tolerance: number): boolean;
}

/** The point in the shape's own frame: unrotated about its origin (x, y). */
export function toLocal(s: Shape, p: { x: number; y: number }): { x: number; y: number } {
  const r = (-(s.rotation || 0) * Math.PI) / 180;
  const dx = p.x - s.x;
  const dy = p.y - s.y;
  return { x: dx * Math.cos(r) - dy * Math.sin(r), y: dx * Math.sin(r) + dy * Math.cos(r) };
}

/** The box of a width × height rectangle whose top-left corner, in its own frame, is (ox, oy). */
export function rotatedBounds(s: Shape, ox: number, oy: number): Box {
  const w = s.width;
  const h = s.height;
  if (!s.rotation) return { x: s.x + ox, y: s.y + oy, width: w, height: h };
  const r = (s.rotation * Math.PI) / 180;
  const corners = [
    [ox, oy],
    [ox + w, oy],
    [ox, oy + h],
    [ox + w, oy + h],
  ].map(([cx, cy]) => [s.x + cx! * Math.cos(r) - cy! * Math.sin(r), s.y + cx! * Math.sin(r) + cy! * Math.cos(r)]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** A rectangle from (0, 0) to (width, height) in the shape's frame. */
export const boxUtil: ShapeUtil = {
  bounds: (s) => rotatedBounds(s, 0, 0),
  hitTest: (s, p, tolerance) => {
    const q = toLocal(s, p);
    return q.x >= -tolerance && q.y >= -tolerance && q.x <= s.width + tolerance && q.y <= s.height + tolerance;
  },
};
