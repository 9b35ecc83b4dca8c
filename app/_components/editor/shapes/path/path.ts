import type { Shape } from "../../store/shapeTypes";
import { toLocal, type ShapeUtil } from "../shapeUtil";

function distanceToSegment(p: { x: number; y: number }, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / len2)) : 0;
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}

const pointsOf = (s: Shape) => s.points ?? [0, 0];

/** Line, arrow and free draw: `points` relative to (x, y); the stroke's width counts. */
export const pathUtil: ShapeUtil = {
  bounds: (s) => {
    const pts = pointsOf(s);
    const xs = pts.filter((_, i) => i % 2 === 0);
    const ys = pts.filter((_, i) => i % 2 === 1);
    const pad = s.strokeWidth / 2;
    return { x: s.x + Math.min(...xs) - pad, y: s.y + Math.min(...ys) - pad, width: Math.max(...xs) - Math.min(...xs) + 2 * pad, height: Math.max(...ys) - Math.min(...ys) + 2 * pad };
  },
  hitTest: (s, p, tolerance) => {
    const q = toLocal(s, p);
    const pts = pointsOf(s);
    const reach = s.strokeWidth / 2 + tolerance;
    if (pts.length < 4) return Math.hypot(q.x - pts[0]!, q.y - pts[1]!) <= reach;
    for (let i = 0; i + 3 < pts.length; i += 2) if (distanceToSegment(q, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!) <= reach) return true;
    return false;
  },
};
