import type { PrintArea, ProductKind } from "@/domain/catalog/catalog";
import { coverLayout } from "@/domain/catalog/variantArea";
import type { Design } from "@/server/services/print/designSource";
import type { Storage } from "@/server/storage/storage";
import { encodePrintPng } from "./encodePrint";
import { renderArea } from "./renderArea";

/** Garments, bags and stickers print only what is drawn; paper, mugs and cases print a white ground. */
const TRANSPARENT: ReadonlySet<ProductKind> = new Set(["tshirt", "hoodie", "tote", "stickers"]);

export type PrintSize = { width: number; height: number; dpi: number };

/**
 * What prints on one area at a print file's pixels, on a transparent ground, in straight RGBA.
 * A file of another shape than the area (a variant's own size) gets the artboard scaled to cover
 * it, centred (see `coverLayout`).
 */
export async function renderPrintPixels(storage: Storage, design: Design, area: PrintArea, size: PrintSize): Promise<Uint8ClampedArray> {
  const { full, left, top } = coverLayout(area, size);
  const canvas = await renderArea(storage, design, area, { width: full.width, height: full.height, background: null });
  return canvas.getContext("2d").getImageData(left, top, size.width, size.height).data;
}

/** The print file's PNG from what prints: on the product's white ground where it has one. */
export function encodeComposite(pixels: Uint8ClampedArray, kind: ProductKind, size: PrintSize): Promise<Buffer> {
  return encodePrintPng(TRANSPARENT.has(kind) ? pixels : onWhite(pixels), size.width, size.height, size.dpi);
}

/** One print area of the design at print resolution, as a PNG that carries its DPI. */
export async function renderPrintPng(storage: Storage, design: Design, area: PrintArea, size: PrintSize): Promise<Buffer> {
  return encodeComposite(await renderPrintPixels(storage, design, area, size), design.product.kind, size);
}

function onWhite(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rgba.length);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    const white = 255 * (255 - a);
    out[i] = (rgba[i]! * a + white) / 255;
    out[i + 1] = (rgba[i + 1]! * a + white) / 255;
    out[i + 2] = (rgba[i + 2]! * a + white) / 255;
    out[i + 3] = 255;
  }
  return out;
}
