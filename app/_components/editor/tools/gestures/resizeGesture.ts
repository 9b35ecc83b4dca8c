import type { Box, Camera } from "../../store/geometry";
import type { Shape } from "../../store/shapeTypes";
import { snapResize, type Guide } from "../../store/snapping";

/** Konva's transformer box, in screen pixels. */
export type ScreenBox = { x: number; y: number; width: number; height: number; rotation: number };

/**
 * Resizing snaps the moving edges to other boxes. Konva's boxes are in screen pixels and snapping
 * works in canvas units, so the box goes through the camera both ways. Rotated boxes are left alone.
 */
export function snapResizeOnScreen(before: ScreenBox, after: ScreenBox, camera: Camera, others: Box[]): { box: ScreenBox; guides: Guide[] } {
  if (Math.abs(after.rotation) > 1e-6) return { box: after, guides: [] };
  const toCanvas = (b: ScreenBox) => ({ x: (b.x - camera.x) / camera.scale, y: (b.y - camera.y) / camera.scale, width: b.width / camera.scale, height: b.height / camera.scale });
  const { box, guides } = snapResize(toCanvas(before), toCanvas(after), others, 6 / camera.scale);
  return { box: { x: box.x * camera.scale + camera.x, y: box.y * camera.scale + camera.y, width: box.width * camera.scale, height: box.height * camera.scale, rotation: after.rotation }, guides };
}

/** A node after a transform: where it is, its rotation, and the scale the transformer gave it. */
export type Transformed = { x: number; y: number; rotation: number; scaleX: number; scaleY: number };

/**
 * What a transform writes into a shape: the scale is folded into its size (paths scale their
 * points, text scales its font with the height and its box with the width), never kept as scale.
 */
export function transformPatch(s: Shape, t: Transformed): Partial<Shape> {
  const base = { x: t.x, y: t.y, rotation: t.rotation };
  if (s.points) return { ...base, points: s.points.map((v, i) => v * (i % 2 === 0 ? t.scaleX : t.scaleY)), strokeWidth: s.strokeWidth };
  if (s.type === "text") {
    // A side handle sets the width the lines wrap in; a corner scales the whole text, auto width kept.
    const widthOnly = Math.abs(t.scaleX - t.scaleY) > 0.01;
    return { ...base, width: Math.max(20, s.width * t.scaleX), fontSize: Math.min(800, Math.max(6, Math.round((s.fontSize ?? 40) * t.scaleY))), ...(widthOnly && s.autoWidth ? { autoWidth: false } : {}) };
  }
  return { ...base, width: Math.max(2, s.width * t.scaleX), height: Math.max(2, s.height * t.scaleY) };
}
