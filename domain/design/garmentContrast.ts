/**
 * Whether a design stands out from a garment's colour: the share of the design's opaque pixels
 * whose colour is close to the garment's (CIE76 ΔE in L*a*b*, where about 2 is the least a person
 * notices and 25 is still "the same colour, a shade off"). A red heart on a red tee is mostly close;
 * a white one on a black tee is not close at all.
 */
export const CLOSE_DELTA_E = 25;
/** More of the design than this close to the garment reads as "it nearly vanishes". */
export const LOW_CONTRAST_SHARE = 0.5;

type Lab = [number, number, number];

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace(/^#/, "").slice(0, 6), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);

/** sRGB (D65) to CIE L*a*b*. */
export function rgbToLab(r: number, g: number, b: number): Lab {
  const [lr, lg, lb] = [linear(r), linear(g), linear(b)];
  const x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/**
 * The share (0–1) of the design's opaque pixels (`rgba`, as canvas ImageData holds them) close to
 * `garmentHex`; null when the design has almost nothing opaque to judge. Pixels are sampled on a
 * grid of at most about 20,000, and colours are cached: a design has few distinct ones.
 */
export function closeToGarmentShare(rgba: Uint8ClampedArray, garmentHex: string): number | null {
  const pixels = rgba.length / 4;
  const step = Math.max(1, Math.floor(pixels / 20_000));
  const garment = rgbToLab(...hexToRgb(garmentHex));
  const cache = new Map<number, boolean>();
  let opaque = 0;
  let close = 0;
  for (let p = 0; p < pixels; p += step) {
    const i = p * 4;
    if (rgba[i + 3]! < 128) continue;
    opaque++;
    const key = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
    let near = cache.get(key);
    if (near === undefined) {
      const [l, a, b] = rgbToLab(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
      near = Math.hypot(l - garment[0], a - garment[1], b - garment[2]) < CLOSE_DELTA_E;
      cache.set(key, near);
    }
    if (near) close++;
  }
  return opaque * step < pixels * 0.002 ? null : close / opaque;
}
