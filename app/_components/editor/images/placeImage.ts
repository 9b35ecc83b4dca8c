import { guidesOf } from "@/domain/design/artboard";
import type { AssetProvenance } from "@/domain/provenance";
import type { EditorStore } from "../store/editorStore";
import { makeShape } from "../store/shapeTypes";

/** Generated images are small; they land on the artboard at this size (longer side). */
export const PLACED_SIDE = 320;

export type PlacedImage = { url: string; width: number; height: number; provenance: AssetProvenance };

/**
 * Adds an image centred on `at`, its longer side PLACED_SIDE, and selects it. With `fit`, on a
 * product's print area, it is fitted into the area's safe zone instead (as large as fits, centred).
 */
export function placeImage(store: EditorStore, image: PlacedImage, at: { x: number; y: number }, options: { fit?: boolean } = {}): string {
  const area = store.getState().area;
  const zone = options.fit && area ? guidesOf(area).safe : null;
  const k = zone ? Math.min(zone.width / image.width, zone.height / image.height) : PLACED_SIDE / Math.max(image.width, image.height);
  const centre = zone ? { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 } : at;
  const shape = makeShape("image", { x: centre.x - (image.width * k) / 2, y: centre.y - (image.height * k) / 2 }, {
    width: image.width * k,
    height: image.height * k,
    src: image.url,
    name: image.provenance.prompt.slice(0, 60),
    fill: "transparent",
  });
  store.addShapes([shape]);
  store.select([shape.id]);
  return shape.id;
}
