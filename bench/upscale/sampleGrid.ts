import sharp, { type OverlayOptions } from "sharp";

/** One generated prompt's three renderings for the grid. */
export type GridRow = { prompt: string; source: Buffer; lanczos: Buffer; ours: Buffer };

const CELL = 300;
const LABEL = 28;
const DARK = { r: 31, g: 41, b: 55, alpha: 1 };
/** The crop shown of each 1024 px image: its left half, where edges meet the background. */
const CROP = { left: 64, top: 256, width: 512, height: 512 };

function label(text: string, width: number): Buffer {
  const safe = text.replace(/[<>&]/g, " ");
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${LABEL}"><rect width="100%" height="100%" fill="#111827"/><text x="8" y="19" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#e5e7eb">${safe}</text></svg>`);
}

async function cell(image: Buffer, opts: { crop?: boolean; nearest?: boolean; dark?: boolean }): Promise<Buffer> {
  let img = sharp(image);
  if (opts.crop) img = sharp(await img.extract(CROP).png().toBuffer());
  const resized = await img.resize(CELL, CELL, { kernel: opts.nearest ? "nearest" : "lanczos3" }).png().toBuffer();
  if (!opts.dark) return sharp(resized).flatten({ background: "#ffffff" }).png().toBuffer();
  return sharp({ create: { width: CELL, height: CELL, channels: 4, background: DARK } }).composite([{ input: resized }]).png().toBuffer();
}

/**
 * Rows of: the 64 px image (nearest neighbour), Lanczos to 1024 and ours at 1024 (both cropped to
 * the left half to show edges), and ours whole, on a dark background like a black tee.
 */
export async function drawGrid(rows: GridRow[]): Promise<Buffer> {
  const heads = ["64 px (nearest)", "Lanczos 1024, crop", "ours 1024 on dark, crop", "ours 1024 on dark"];
  const width = CELL * heads.length;
  const height = LABEL + rows.length * (CELL + LABEL);
  const parts: OverlayOptions[] = heads.map((h, i) => ({ input: label(h, CELL), left: i * CELL, top: 0 }));
  for (const [r, row] of rows.entries()) {
    const top = LABEL + r * (CELL + LABEL);
    parts.push({ input: label(row.prompt, width), left: 0, top });
    const cells = await Promise.all([
      cell(row.source, { nearest: true }),
      cell(row.lanczos, { crop: true }),
      cell(row.ours, { crop: true, dark: true }),
      cell(row.ours, { dark: true }),
    ]);
    cells.forEach((input, i) => parts.push({ input, left: i * CELL, top: top + LABEL }));
  }
  return sharp({ create: { width, height, channels: 4, background: { r: 17, g: 24, b: 39, alpha: 1 } } }).composite(parts).png().toBuffer();
}
