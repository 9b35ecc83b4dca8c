import type { Shape } from "./shapeTypes";

export type Crop = { x: number; y: number; width: number; height: number };

/**
 * The patch that keeps `[from, to]` per cent of the image's source along one axis. The shape keeps
 * its scale: cropping shrinks its box (and moves it, so what is left stays where it was) instead of
 * stretching what is left over the old box.
 */
export function cropPatch(shape: Shape, natural: { w: number; h: number }, axis: "x" | "y", [from, to]: [number, number]): Partial<Shape> {
  const crop: Crop = shape.crop ?? { x: 0, y: 0, width: natural.w, height: natural.h };
  const scale = shape.width / crop.width;
  const size = axis === "x" ? natural.w : natural.h;
  const next: Crop = axis === "x" ? { ...crop, x: (from / 100) * size, width: ((to - from) / 100) * size } : { ...crop, y: (from / 100) * size, height: ((to - from) / 100) * size };
  // The shift is along the image's own axes; a rotated image turns it into the canvas's.
  const along = (axis === "x" ? next.x - crop.x : next.y - crop.y) * scale;
  const rad = (shape.rotation * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const [dx, dy] = axis === "x" ? [along * cos, along * sin] : [-along * sin, along * cos];
  return { crop: next, x: shape.x + dx, y: shape.y + dy, width: next.width * scale, height: next.height * scale };
}
