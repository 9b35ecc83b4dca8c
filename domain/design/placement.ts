import { MM_PER_INCH, type PrintArea } from "../catalog/catalog";
import { guidesOf, unitsPerMm, type Box } from "./artboard";
import { BUNDLED_MODEL_SIZE } from "./preflight";

/** The content type of a (sanitised) SVG asset: art that prints sharp at any size. */
export const SVG_CONTENT_TYPE = "image/svg+xml";

export function isVectorType(contentType: string | null | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === SVG_CONTENT_TYPE;
}

/** Whether an image is vector art: an SVG asset, or an SVG by its address (the elements library serves `<id>.svg`). */
export function isVectorSource(image: { contentType?: string | null; src?: string | null }): boolean {
  return isVectorType(image.contentType) || /\.svg$/i.test(image.src ?? "");
}

/** An image about to be placed: its pixels, or for a vector its intrinsic size. */
export type PlacedSource = { width: number; height: number; vector?: boolean };

/**
 * What "Make print-ready" multiplies a bundled-model preview by. A preview is placed at the size its
 * print-ready version holds the area's DPI: at its own 64 px that would be a 1 cm speck.
 */
const PREVIEW_PRINT_SCALE = 16;

/** An image placed beside art already on the area takes at most this share of the safe zone: it joins the design instead of covering it. */
export const BESIDE_ART_SHARE = 0.5;

/**
 * The size an image lands at on a print area, in world units: a vector fills the safe zone (keeping
 * its aspect); a raster is as large as it can be while it still prints at the area's DPI, and no
 * larger than the safe zone. With art already there (`besideArt`), at most half the safe zone.
 */
export function placedSize(area: PrintArea, source: PlacedSource, besideArt = false): { width: number; height: number } {
  const zone = guidesOf(area).safe;
  const w = Math.max(source.width, 1);
  const h = Math.max(source.height, 1);
  const share = besideArt ? BESIDE_ART_SHARE : 1;
  const fit = Math.min((zone.width * share) / w, (zone.height * share) / h);
  let k = fit;
  if (!source.vector) {
    const pixels = Math.max(w, h) <= BUNDLED_MODEL_SIZE ? PREVIEW_PRINT_SCALE : 1;
    // World units one source pixel covers when printed at exactly the area's DPI.
    const atDpi = (unitsPerMm(area) * MM_PER_INCH * pixels) / area.dpi;
    k = Math.min(fit, atDpi);
  }
  return { width: w * k, height: h * k };
}

/**
 * Where an image lands on a print area: sized by `placedSize`, centred on the safe zone, or on
 * `at` (a drop point) moved as little as needed to stay inside the safe zone.
 */
export function placeOnArea(area: PrintArea, source: PlacedSource, at?: { x: number; y: number }, besideArt = false): Box {
  const zone = guidesOf(area).safe;
  const { width, height } = placedSize(area, source, besideArt);
  const centre = at ?? { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 };
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  return {
    x: clamp(centre.x - width / 2, zone.x, zone.x + zone.width - width),
    y: clamp(centre.y - height / 2, zone.y, zone.y + zone.height - height),
    width,
    height,
  };
}
