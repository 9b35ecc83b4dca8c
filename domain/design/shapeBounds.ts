import type { Shape } from "../document/shape";
import type { Box } from "./artboard";

/** The box of a width × height rectangle whose top-left corner, in the shape's own frame, is (ox, oy), turned by its rotation. */
function turnedBox(s: Shape, ox: number, oy: number): Box {
  if (!s.rotation) return { x: s.x + ox, y: s.y + oy, width: s.width, height: s.height };
  const r = (s.rotation * Math.PI) / 180;
  const corners = [
    [ox, oy],
    [ox + s.width, oy],
    [ox, oy + s.height],
    [ox + s.width, oy + s.height],
  ].map(([cx, cy]) => [s.x + cx! * Math.cos(r) - cy! * Math.sin(r), s.y + cx! * Math.sin(r) + cy! * Math.cos(r)] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/**
 * The axis-aligned box a shape covers, rotation included: the editor's geometry, for code that
 * runs without the editor (the server's preflight at publish). A test holds the two equal.
 */
export function shapeBounds(s: Shape): Box {
  switch (s.type) {
    case "ellipse":
      return turnedBox(s, -s.width / 2, -s.height / 2);
    case "line":
    case "arrow":
    case "draw": {
      // Points are relative to (x, y); the stroke's width counts.
      const pts = s.points ?? [0, 0];
      const xs = pts.filter((_, i) => i % 2 === 0);
      const ys = pts.filter((_, i) => i % 2 === 1);
      const pad = s.strokeWidth / 2;
      return { x: s.x + Math.min(...xs) - pad, y: s.y + Math.min(...ys) - pad, width: Math.max(...xs) - Math.min(...xs) + 2 * pad, height: Math.max(...ys) - Math.min(...ys) + 2 * pad };
    }
    default:
      return turnedBox(s, 0, 0);
  }
}
