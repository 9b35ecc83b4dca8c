import { reachableFromBorder } from "./borderReach";

/** At least this alpha counts as solid subject when looking for holes. */
const SOLID = 128;

/** `mask` grown by `r` pixels in every direction (a square), by two running-window passes. */
export function dilate(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  const pass = (src: Uint8Array, along: "row" | "column") => {
    const dst = new Uint8Array(src.length);
    const [lines, length] = along === "row" ? [height, width] : [width, height];
    const at = along === "row" ? (line: number, i: number) => line * width + i : (line: number, i: number) => i * width + line;
    for (let line = 0; line < lines; line++) {
      let count = 0;
      for (let i = 0; i < Math.min(r, length); i++) count += src[at(line, i)]!;
      for (let i = 0; i < length; i++) {
        if (i + r < length) count += src[at(line, i + r)]!;
        if (i - r - 1 >= 0) count -= src[at(line, i - r - 1)]!;
        dst[at(line, i)] = count > 0 ? 1 : 0;
      }
    }
    return dst;
  };
  return pass(pass(mask, "row"), "column");
}

/**
 * Makes every hole in the subject opaque: a see-through pixel that the background cannot reach
 * from the image's border, where gaps in the outline narrower than `gap` pixels count as closed
 * (a highlight touching a one-pixel break in the outline is still inside). The filled pixels are
 * the network's colour over white paper, as the art was drawn on white. Returns how many changed.
 */
export function fillHoles(rgba: Uint8Array, width: number, height: number, gap: number): number {
  const n = width * height;
  const solid = new Uint8Array(n);
  for (let i = 0; i < n; i++) solid[i] = rgba[i * 4 + 3]! >= SOLID ? 1 : 0;
  // The background is what stays open after closing the subject (grow by r, shrink by r) and can
  // reach the border; growing its reach back by r undoes the shrink exactly (square windows).
  const r = Math.ceil(gap / 2);
  const open = dilate(solid, width, height, r);
  for (let i = 0; i < n; i++) open[i] = open[i] ? 0 : 1;
  const background = dilate(reachableFromBorder(open, width, height), width, height, r);
  const hole = new Uint8Array(n);
  for (let i = 0; i < n; i++) hole[i] = !solid[i] && !background[i] ? 1 : 0;
  // A hole's own soft rim goes with it; the subject's outer edge keeps its anti-aliasing.
  const filled = dilate(hole, width, height, 1);
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = rgba[i * 4 + 3]!;
    if (!filled[i] || a === 255) continue;
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = Math.round((rgba[i * 4 + c]! * a + 255 * (255 - a)) / 255);
    rgba[i * 4 + 3] = 255;
    changed++;
  }
  return changed;
}
