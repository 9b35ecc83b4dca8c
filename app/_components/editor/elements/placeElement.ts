import { guidesOf } from "@/domain/design/artboard";
import { PLACED_SIDE } from "../images/placeImage";
import type { EditorStore } from "../store/editorStore";
import { makeShape } from "../store/shapeTypes";
import type { PlacedElement } from "./elementDrag";

/**
 * Adds a library element as an image shape showing its URL (vector art: the shape keeps its source
 * and licence in that id) and selects it. With `fill`, on a product's print area, it fills the
 * area's safe zone, centred: a vector prints crisp at any size. Otherwise it is centred on `at`,
 * its longer side PLACED_SIDE.
 */
export function placeElement(store: EditorStore, element: PlacedElement, at: { x: number; y: number }, options: { fill?: boolean } = {}): string {
  const area = store.getState().area;
  const zone = options.fill && area ? guidesOf(area).safe : null;
  const k = zone ? Math.min(zone.width / element.width, zone.height / element.height) : PLACED_SIDE / Math.max(element.width, element.height);
  const centre = zone ? { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 } : at;
  const shape = makeShape("image", { x: centre.x - (element.width * k) / 2, y: centre.y - (element.height * k) / 2 }, {
    width: element.width * k,
    height: element.height * k,
    src: element.url,
    name: element.name.slice(0, 60),
    fill: "transparent",
  });
  store.addShapes([shape]);
  store.select([shape.id]);
  return shape.id;
}
