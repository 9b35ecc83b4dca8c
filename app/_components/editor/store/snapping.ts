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
