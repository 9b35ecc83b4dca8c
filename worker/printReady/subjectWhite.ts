import { enclosedWhite, upscaleMask } from "./enclosedWhite";
import { fillHoles } from "./fillHoles";
import { boxMask, rectangularField, type FieldBox } from "./rectangularField";
import { tintedWhite } from "./tintedWhite";

/**
 * Makes the white that belongs to the subject opaque in the network's `scale`× RGBA output, in
 * place, judged on the whole RGB source (the network sees only a dozen pixels around each one):
 * white inside an outline, broad tinted white (snow, a coat), a flat flag's white field; then any
 * hole left through the subject. Where the network made such white transparent its colour is a
 * guess (cyan, say), so white paper goes behind it.
 */
export function keepSubjectWhite(rgba: Uint8Array, source: Uint8Array, width: number, height: number, scale: number): void {
  const outW = width * scale;
  const outH = height * scale;
  // Tinted white that is art walls in what it surrounds: the white sparkle in a snowy slope.
  const tinted = tintedWhite(source, width, height);
  const whites = enclosedWhite(source, width, height, tinted);
  for (let i = 0; i < whites.length; i++) whites[i] = whites[i]! | tinted[i]!;
  const keep = upscaleMask(whites, width, height, scale);
  const field = rectangularField(source, width, height);
  if (field) {
    const box = boxMask(field, width, height, scale);
    for (let i = 0; i < keep.length; i++) keep[i] = Math.max(keep[i]!, box[i]!);
    clearOutside(rgba, field, scale, outW, outH);
  }
  for (let i = 0; i < keep.length; i++) {
    const k = keep[i]!;
    const a = rgba[i * 4 + 3]!;
    if (k <= a) continue;
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round((rgba[i * 4 + c]! * a + 255 * (k - a)) / k);
    rgba[i * 4 + 3] = k;
  }
  // Any other hole through the subject (a highlight the network made see-through) prints nothing
  // where the art has white: closed too, bridging breaks in the outline of up to one source pixel.
  fillHoles(rgba, outW, outH, scale);
}

/** Around a flat rectangle there is only paper: whatever the network drew there (a pale bar under a flag) goes. */
function clearOutside(rgba: Uint8Array, box: FieldBox, scale: number, width: number, height: number): void {
  for (let y = 0; y < height; y++) {
    const inRows = y >= box.y0 * scale && y < (box.y1 + 1) * scale;
    for (let x = 0; x < width; x++) {
      if (inRows && x >= box.x0 * scale && x < (box.x1 + 1) * scale) continue;
      rgba[(y * width + x) * 4 + 3] = 0;
    }
  }
}
