import type { PrintArea, ProductKind } from "@/domain/catalog/catalog";
import type { Design } from "@/server/services/print/designSource";
import type { Storage } from "@/server/storage/storage";
import { encodePrintPng } from "./encodePrint";
import { renderArea } from "./renderArea";

/** Garments, bags and stickers print only what is drawn; paper, mugs and cases print a white ground. */
const TRANSPARENT: ReadonlySet<ProductKind> = new Set(["tshirt", "hoodie", "tote", "stickers"]);

/** One print area of the design at print resolution, as a PNG that carries its DPI. */
export async function renderPrintPng(storage: Storage, design: Design, area: PrintArea, size: { width: number; height: number; dpi: number }): Promise<Buffer> {
  const canvas = await renderArea(storage, design, area, { width: size.width, height: size.height, background: TRANSPARENT.has(design.product.kind) ? null : "#ffffff" });
  const pixels = canvas.getContext("2d").getImageData(0, 0, size.width, size.height).data;
  return encodePrintPng(pixels, size.width, size.height, size.dpi);
}
