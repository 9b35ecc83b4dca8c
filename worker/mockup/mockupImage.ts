import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import type { PrintArea } from "@/domain/catalog/catalog";
import { printPixelsIn, renderMockup, type AnyCanvas } from "@/domain/mockup/renderMockup";
import { MOCKUP_SIZE } from "@/server/services/mockup/mockupService";
import type { Design } from "@/server/services/print/designSource";
import type { Storage } from "@/server/storage/storage";
import { renderArea } from "../print/renderArea";

const make = (w: number, h: number) => createCanvas(w, h) as unknown as AnyCanvas;

/** A photo-quality mockup of one print area of the design on a product of colour `colorHex`, as WebP, `size` pixels square. */
export async function renderMockupWebp(storage: Storage, design: Design, area: PrintArea, colorHex: string, size = MOCKUP_SIZE): Promise<Buffer> {
  const aspect = area.widthMm / area.heightMm;
  const want = printPixelsIn({ kind: design.product.kind, areaName: area.name, aspect, size });
  const art = await renderArea(storage, design, area, { width: want.width, height: Math.round(want.width / aspect), background: null });
  const print = art.getContext("2d").getImageData(0, 0, art.width, art.height);
  const out = createCanvas(size, size);
  renderMockup({ kind: design.product.kind, areaName: area.name, aspect, colorHex, print: { data: print.data, width: art.width, height: art.height }, size }, make, out as unknown as AnyCanvas);
  const rgba = out.getContext("2d").getImageData(0, 0, size, size).data;
  return sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width: size, height: size, channels: 4 } }).webp({ quality: 90 }).toBuffer();
}
