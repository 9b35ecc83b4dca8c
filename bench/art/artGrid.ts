import sharp, { type OverlayOptions } from "sharp";

/** One generated prompt made print-ready, as a raster and as a vector (both RGBA PNGs). */
export type ArtGridRow = { prompt: string; raster: Buffer; vector: Buffer; raster2048: Buffer; vector2048: Buffer };

const CELL = 256;
const LABEL = 26;
const BLACK = { r: 17, g: 17, b: 17, alpha: 1 };
const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };
/** A 256 px crop of the 2048 px renders at 1:1, on the art's left edge, where crispness shows. */
const CROP = { left: 192, top: 896, width: CELL, height: CELL };

function label(text: string, width: number): Buffer {
  const safe = text.replace(/[<>&]/g, " ");
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${LABEL}"><rect width="100%" height="100%" fill="#1f2937"/><text x="8" y="18" font-family="DejaVu Sans, sans-serif" font-size="13" fill="#e5e7eb">${safe}</text></svg>`);
}

async function onGarment(image: Buffer, background: typeof BLACK, crop = false): Promise<Buffer> {
  const art = crop ? await sharp(image).extract(CROP).png().toBuffer() : await sharp(image).resize(CELL, CELL, { kernel: "lanczos3" }).png().toBuffer();
  return sharp({ create: { width: CELL, height: CELL, channels: 4, background } }).composite([{ input: art }]).png().toBuffer();
}

/** Rows of the print-ready raster and the vector on a black and a white garment, then both at 2048 px, cropped 1:1. */
export async function drawArtGrid(rows: ArtGridRow[]): Promise<Buffer> {
  const heads = ["raster on black", "raster on white", "vector on black", "vector on white", "raster 2048, 1:1 crop", "vector 2048, 1:1 crop"];
  const width = CELL * heads.length;
  const height = LABEL + rows.length * (CELL + LABEL);
  const parts: OverlayOptions[] = heads.map((h, i) => ({ input: label(h, CELL), left: i * CELL, top: 0 }));
  for (const [r, row] of rows.entries()) {
    const top = LABEL + r * (CELL + LABEL);
    parts.push({ input: label(row.prompt, width), left: 0, top });
    const cells = await Promise.all([
      onGarment(row.raster, BLACK),
      onGarment(row.raster, WHITE),
      onGarment(row.vector, BLACK),
      onGarment(row.vector, WHITE),
      onGarment(row.raster2048, WHITE, true),
      onGarment(row.vector2048, WHITE, true),
    ]);
    cells.forEach((input, i) => parts.push({ input, left: i * CELL, top: top + LABEL }));
  }
  return sharp({ create: { width, height, channels: 4, background: { r: 55, g: 65, b: 81, alpha: 1 } } }).composite(parts).png().toBuffer();
}
