import type { PrintArea } from "@/domain/catalog/catalog";
import type { Box } from "@/domain/design/artboard";
import { isVectorSource, placeOnArea, type PlacedSource } from "@/domain/design/placement";
import type { AssetProvenance } from "@/domain/provenance";
import type { EditorStore } from "../store/editorStore";
import { intersects, shapeBox } from "../store/geometry";
import { makeShape } from "../store/shapeTypes";

/** On a canvas without a product, generated images land at this size (longer side). */
export const PLACED_SIDE = 320;

export type PlacedImage = { url: string; width: number; height: number; provenance?: AssetProvenance; name?: string; contentType?: string };

/**
 * Where an image lands. On a product's print area the placement rule decides (a raster as large as
 * still prints at the area's DPI, a vector filling the safe zone; half that beside art already
 * there), centred on the area, or on `at` unless `centred`. On a free canvas its longer side is `freeSide` (never enlarged unless `enlarge`).
 */
export function landingBox(area: PrintArea | null, source: PlacedSource, at: { x: number; y: number }, opts: { centred?: boolean; freeSide: number; enlarge?: boolean; besideArt?: boolean }): Box {
  if (area) return placeOnArea(area, source, opts.centred ? undefined : at, opts.besideArt);
  const fit = opts.freeSide / Math.max(source.width, source.height, 1);
  const k = opts.enlarge ? fit : Math.min(1, fit);
  return { x: at.x - (source.width * k) / 2, y: at.y - (source.height * k) / 2, width: source.width * k, height: source.height * k };
}

/**
 * Adds an image where `landingBox` puts it (dropped at `at`; with `fit`, centred on the print area
 * in view) and selects it. A vector is known by its content type or its `.svg` address.
 */
export function placeImage(store: EditorStore, image: PlacedImage, at: { x: number; y: number }, options: { fit?: boolean } = {}): string {
  const source = { width: image.width, height: image.height, vector: isVectorSource({ contentType: image.contentType, src: image.url }) };
  const { area, artboard, shapes } = store.getState();
  const besideArt = shapes.some((s) => !s.hidden && intersects(shapeBox(s), artboard));
  const box = landingBox(area, source, at, { centred: options.fit, freeSide: PLACED_SIDE, enlarge: true, besideArt });
  const shape = makeShape("image", { x: box.x, y: box.y }, {
    width: box.width,
    height: box.height,
    src: image.url,
    name: (image.name ?? image.provenance?.prompt ?? "Image").slice(0, 60),
    fill: "transparent",
  });
  store.addShapes([shape]);
  store.select([shape.id]);
  return shape.id;
}
