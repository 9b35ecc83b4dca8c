/** "#rrggbb" as its three channels. */
export function inkRgb(ink: string): [number, number, number] {
  const n = Number.parseInt(ink.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Each ink's coverage (0–255 a pixel) of a composite in straight RGBA: every drawn pixel goes
 * wholly to the ink nearest its colour, at its alpha, so anti-aliased edges against the ground
 * keep their partial coverage and every drawn pixel is printed by exactly one screen.
 */
export function separateInks(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, inks: readonly string[]): Uint8Array[] {
  const colours = inks.map(inkRgb);
  const planes = inks.map(() => new Uint8Array(width * height));
  for (let i = 0, p = 0; p < width * height; p++, i += 4) {
    const alpha = rgba[i + 3]!;
    if (alpha === 0) continue;
    const r = rgba[i]!;
    const g = rgba[i + 1]!;
    const b = rgba[i + 2]!;
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < colours.length; k++) {
      const c = colours[k]!;
      const d = (r - c[0]) ** 2 + (g - c[1]) ** 2 + (b - c[2]) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    planes[best]![p] = alpha;
  }
  return planes;
}
