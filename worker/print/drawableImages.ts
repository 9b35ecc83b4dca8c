import { loadImage, type Image } from "@napi-rs/canvas";
import type { Shape } from "@/domain/document/shape";
import { sanitizeSvg } from "@/domain/svg/sanitizeSvg";
import { sniffFormat } from "@/server/storage/imageValidation";
import { rasterizeSvg } from "../vector/rasterizeSvg";

/** A picture ready to draw, and how many of its pixels stand for one of its source's (crops are in source pixels). */
export type DrawableImage = { image: Image; density: number };

/** One SVG is never drawn larger than this, however far past the output its shape reaches. */
const MAX_SVG_RASTER_PIXELS = 64_000_000;
const MAX_SVG_RASTER_SIDE = 16_384;

/**
 * The images of a render, by `src`. A raster is decoded as it is; a vector is drawn by resvg at
 * the largest size any of its shapes covers in this output (`scale` output pixels per world
 * unit), so it stays crisp at any DPI instead of being a small bitmap enlarged.
 */
export async function drawableImages(sources: ReadonlyMap<string, Buffer>, shapes: Shape[], scale: number): Promise<Map<string, DrawableImage>> {
  const out = new Map<string, DrawableImage>();
  for (const [src, bytes] of sources) {
    if (sniffFormat(bytes) !== "svg") {
      out.set(src, { image: await loadImage(bytes), density: 1 });
      continue;
    }
    const svg = sanitizeSvg(bytes.toString("utf8"));
    let density = 1;
    for (const s of shapes) {
      if (s.type !== "image" || s.src !== src) continue;
      const shown = s.crop ?? { width: svg.width, height: svg.height };
      density = Math.max(density, (Math.abs(s.width) * scale) / shown.width, (Math.abs(s.height) * scale) / shown.height);
    }
    density = Math.min(density, MAX_SVG_RASTER_SIDE / Math.max(svg.width, svg.height), Math.sqrt(MAX_SVG_RASTER_PIXELS / (svg.width * svg.height)));
    const png = rasterizeSvg(svg.svg, Math.max(1, Math.round(svg.width * density)), Math.max(1, Math.round(svg.height * density)));
    out.set(src, { image: await loadImage(png), density });
  }
  return out;
}
