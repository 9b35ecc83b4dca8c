import type { Canvas } from "@napi-rs/canvas";
import type { Box } from "@/domain/design/artboard";
import type { Shape } from "@/domain/document/shape";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import type { DrawableImage } from "./drawableImages";
import { konvaForNode } from "./konvaNode";

export type DesignRender = {
  shapes: Shape[];
  /** The artboard in world units: it fills the output exactly. */
  artboard: Box;
  width: number;
  height: number;
  /** Opaque colour behind the design, or null for a transparent background. */
  background: string | null;
  /** Each image shape's picture, by `src`; a missing one draws nothing. */
  images: ReadonlyMap<string, DrawableImage>;
};

/**
 * Draws a design with Konva on the server, from the same attributes the editor's views use, at
 * any size: what falls outside the artboard is cut off, as in the editor.
 */
export function renderDesign(r: DesignRender): Canvas {
  const Konva = konvaForNode();
  const scale = r.width / r.artboard.width;
  const group = new Konva.Group({ x: -r.artboard.x * scale, y: -r.artboard.y * scale, scaleX: scale, scaleY: r.height / r.artboard.height });
  const clip = new Konva.Group({ clipX: r.artboard.x, clipY: r.artboard.y, clipWidth: r.artboard.width, clipHeight: r.artboard.height });
  group.add(clip);
  if (r.background) clip.add(new Konva.Rect({ ...r.artboard, fill: r.background }));
  for (const s of r.shapes) {
    if (s.hidden) continue;
    const { className, attrs } = shapeAttrs(s);
    if (className === "Image") {
      const drawable = s.src ? r.images.get(s.src) : undefined;
      if (!drawable) continue;
      const { image, density } = drawable;
      const crop = s.crop ? { x: s.crop.x * density, y: s.crop.y * density, width: s.crop.width * density, height: s.crop.height * density } : undefined;
      clip.add(new Konva.Image({ ...attrs, crop, image: image as unknown as HTMLImageElement }));
      continue;
    }
    clip.add(new Konva[className](attrs as never));
  }
  const canvas = group.toCanvas({ x: 0, y: 0, width: r.width, height: r.height, pixelRatio: 1 }) as unknown as Canvas;
  group.destroy();
  return canvas;
}
