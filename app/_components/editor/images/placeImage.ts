import { addShapes } from "../store/canvasDocument";
import type { EditorStore } from "../store/editorStore";
import { makeShape, type ImageProvenance } from "../store/shapeTypes";

/** Generated images are small; they land on the artboard at this size (longer side). */
export const PLACED_SIDE = 320;

export type PlacedImage = { url: string; width: number; height: number; provenance: ImageProvenance };

/** Adds an image centred on `at`, its longer side PLACED_SIDE, and selects it. */
export function placeImage(store: EditorStore, image: PlacedImage, at: { x: number; y: number }): string {
  const k = PLACED_SIDE / Math.max(image.width, image.height);
  const shape = makeShape("image", { x: at.x - (image.width * k) / 2, y: at.y - (image.height * k) / 2 }, {
    width: image.width * k,
    height: image.height * k,
    src: image.url,
    name: image.provenance.prompt.slice(0, 60),
    fill: "transparent",
    provenance: image.provenance,
  });
  addShapes(store.canvas, [shape]);
  store.select([shape.id]);
  return shape.id;
}
