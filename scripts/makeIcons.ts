import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

/**
 * The app's icons in `public/`, drawn from the logo (app/_components/ui/Logo.tsx): the SVG itself,
 * PNGs for the web app manifest and iOS, a maskable one with the safe-zone margin, and favicon.ico.
 * `npx tsx scripts/makeIcons.ts` writes them again after the logo changes.
 */
const VIOLET = "#7950f2";
const YELLOW = "#ffd43b";

const mark = `<path d="M7 19V9.5l4.5 5 4.5-5V19" stroke="white" stroke-width="2.4" fill="none" stroke-linejoin="round" stroke-linecap="round"/><circle cx="20.5" cy="18" r="2.3" fill="${YELLOW}"/>`;
/** Rounded like the logo, for browsers and the manifest's "any" purpose. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="8" fill="${VIOLET}"/>${mark}</svg>\n`;
/** Full-bleed, the mark within the central 80 % that launchers keep when they crop to a shape. */
const MASKABLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-7 -7 42 42"><rect x="-7" y="-7" width="42" height="42" fill="${VIOLET}"/>${mark}</svg>`;
/** iOS rounds the corners itself and shows transparency as black. */
const APPLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 32 32"><rect x="-2" y="-2" width="32" height="32" fill="${VIOLET}"/>${mark}</svg>`;

const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: (72 * size) / 28 }).resize(size, size).png().toBuffer();

/** An .ico holding PNG images (every browser since IE 11 reads them). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

async function main() {
  const out = path.resolve(import.meta.dirname, "..", "public");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "icon.svg"), ICON_SVG);
  fs.writeFileSync(path.join(out, "icon-192.png"), await png(ICON_SVG, 192));
  fs.writeFileSync(path.join(out, "icon-512.png"), await png(ICON_SVG, 512));
  fs.writeFileSync(path.join(out, "icon-maskable-512.png"), await png(MASKABLE_SVG, 512));
  fs.writeFileSync(path.join(out, "apple-touch-icon.png"), await png(APPLE_SVG, 180));
  fs.writeFileSync(path.join(out, "favicon.ico"), ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(ICON_SVG, size) })))));
  console.log(`icons written to ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
