import type { Box } from "./geometry";

export type Guide = { axis: "x" | "y"; at: number };

/**
 * Moves a dragged box so that one of its edges or its centre lines up with another box's edge or
 * centre when they are within `threshold`, and returns the guide lines to draw.
 */
export function snapBox(moving: Box, others: Box[], threshold: number): { dx: number; dy: number; guides: Guide[] } {
  const lines = (b: Box, axis: "x" | "y") => (axis === "x" ? [b.x, b.x + b.width / 2, b.x + b.width] : [b.y, b.y + b.height / 2, b.y + b.height]);
  const best = (axis: "x" | "y") => {
    let found: { delta: number; at: number } | null = null;
    for (const o of others) {
      for (const target of lines(o, axis)) {
        for (const edge of lines(moving, axis)) {
          const delta = target - edge;
          if (Math.abs(delta) <= threshold && (!found || Math.abs(delta) < Math.abs(found.delta))) found = { delta, at: target };
        }
      }
    }
    return found;
  };
  const sx = best("x");
  const sy = best("y");
  const guides: Guide[] = [];
  if (sx) guides.push({ axis: "x", at: sx.at });
  if (sy) guides.push({ axis: "y", at: sy.at });
  return { dx: sx?.delta ?? 0, dy: sy?.delta ?? 0, guides };
}

/**
 * While resizing, moves each edge that is moving (not the ones held still) to the nearest edge or
 * centre line of another box within `threshold`, and returns the guide lines to draw.
 */
export function snapResize(before: Box, after: Box, others: Box[], threshold: number): { box: Box; guides: Guide[] } {
  const moved = (a: number, b: number) => Math.abs(a - b) > 1e-6;
  const nearest = (value: number, axis: "x" | "y") => {
    let found: number | null = null;
    for (const o of others) {
      const lines = axis === "x" ? [o.x, o.x + o.width / 2, o.x + o.width] : [o.y, o.y + o.height / 2, o.y + o.height];
      for (const at of lines) if (Math.abs(at - value) <= threshold && (found === null || Math.abs(at - value) < Math.abs(found - value))) found = at;
    }
    return found;
  };
  let [left, right, top, bottom] = [after.x, after.x + after.width, after.y, after.y + after.height];
  const guides: Guide[] = [];
  const snapEdge = (value: number, axis: "x" | "y") => {
    const at = nearest(value, axis);
    if (at === null) return value;
    guides.push({ axis, at });
    return at;
  };
  if (moved(after.x, before.x)) left = snapEdge(left, "x");
  else if (moved(after.x + after.width, before.x + before.width)) right = snapEdge(right, "x");
  if (moved(after.y, before.y)) top = snapEdge(top, "y");
  else if (moved(after.y + after.height, before.y + before.height)) bottom = snapEdge(bottom, "y");
  return { box: { x: left, y: top, width: right - left, height: bottom - top }, guides };
}
