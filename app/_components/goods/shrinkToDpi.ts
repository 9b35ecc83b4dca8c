import type { PrintArea } from "@/domain/catalog/catalog";
import { effectiveDpi } from "@/domain/design/artboard";
import { sourcePixels, type ImageSize } from "@/domain/design/preflight";
import type { Shape } from "@/domain/document/shape";

/**
 * The size and place that print an image at exactly `dpi`, about the same centre (rotation kept):
 * the one-click fix for an image too large for its pixels. Null when it already prints at `dpi`.
 */
export function shrinkToDpi(shape: Shape, area: PrintArea, size: ImageSize, dpi: number): Pick<Shape, "x" | "y" | "width" | "height"> | null {
  const now = effectiveDpi(sourcePixels(shape, size), shape, area);
  if (now >= dpi - 1e-6) return null;
  const k = now / dpi;
  const width = shape.width * k;
  const height = shape.height * k;
  // (x, y) is the top-left corner in the shape's own frame, turned about itself.
  const r = ((shape.rotation || 0) * Math.PI) / 180;
  const centre = (w: number, h: number) => ({ x: (w / 2) * Math.cos(r) - (h / 2) * Math.sin(r), y: (w / 2) * Math.sin(r) + (h / 2) * Math.cos(r) });
  const before = centre(shape.width, shape.height);
  const after = centre(width, height);
  return { x: shape.x + before.x - after.x, y: shape.y + before.y - after.y, width, height };
}
