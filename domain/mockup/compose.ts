import type { WarpMap } from "./warpMap";

/** Straight (not premultiplied) RGBA, as `getImageData` gives it. */
export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

/**
 * Lays the print on the product's body pixel by pixel: each body pixel takes the print where the
 * map points (bilinear, alpha-weighted), then the cloth's or glaze's light. Only the body's
 * pixels (`bodyPixels`, the indices where the body is drawn) are touched, so the print never
 * spills off the product. This is the preview's per-frame work: kept free of calls and closures.
 */
export function composeOnto(body: Pixels, map: WarpMap, print: Pixels | null, bodyPixels: Int32Array): void {
  const d = body.data;
  const pw = print?.width ?? 0;
  const ph = print?.height ?? 0;
  const p = print?.data;
  const { u: us, v: vs, shade, gloss } = map;
  for (let n = 0; n < bodyPixels.length; n++) {
    const i = bodyPixels[n]!;
    const o = i * 4;
    let r = d[o]!;
    let g = d[o + 1]!;
    let b = d[o + 2]!;
    const u = us[i]!;
    if (p && u === u) {
      const fx = u * pw - 0.5;
      const fy = vs[i]! * ph - 0.5;
      let x0 = Math.floor(fx);
      let y0 = Math.floor(fy);
      x0 = x0 < 0 ? 0 : x0 > pw - 1 ? pw - 1 : x0;
      y0 = y0 < 0 ? 0 : y0 > ph - 1 ? ph - 1 : y0;
      // Past the print's edge the weights clamp, so the edge pixel is not blended with the next.
      const tx = fx - x0 < 0 ? 0 : fx - x0 > 1 ? 1 : fx - x0;
      const ty = fy - y0 < 0 ? 0 : fy - y0 > 1 ? 1 : fy - y0;
      const x1 = x0 + 1 < pw ? x0 + 1 : x0;
      const y1 = y0 + 1 < ph ? y0 + 1 : y0;
      const q00 = (y0 * pw + x0) * 4;
      const q10 = (y0 * pw + x1) * 4;
      const q01 = (y1 * pw + x0) * 4;
      const q11 = (y1 * pw + x1) * 4;
      const a00 = (p[q00 + 3]! * (1 - tx) * (1 - ty)) / 255;
      const a10 = (p[q10 + 3]! * tx * (1 - ty)) / 255;
      const a01 = (p[q01 + 3]! * (1 - tx) * ty) / 255;
      const a11 = (p[q11 + 3]! * tx * ty) / 255;
      const sa = a00 + a10 + a01 + a11;
      if (sa > 0) {
        const keep = 1 - sa;
        r = r * keep + p[q00]! * a00 + p[q10]! * a10 + p[q01]! * a01 + p[q11]! * a11;
        g = g * keep + p[q00 + 1]! * a00 + p[q10 + 1]! * a10 + p[q01 + 1]! * a01 + p[q11 + 1]! * a11;
        b = b * keep + p[q00 + 2]! * a00 + p[q10 + 2]! * a10 + p[q01 + 2]! * a01 + p[q11 + 2]! * a11;
      }
    }
    const s = shade[i]!;
    const gl = gloss[i]!;
    d[o] = r * s + gl;
    d[o + 1] = g * s + gl;
    d[o + 2] = b * s + gl;
  }
}

/** The indices of the pixels where a body is drawn (alpha above zero). */
export function drawnPixels(rgba: Uint8ClampedArray): Int32Array {
  let n = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! > 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! > 0) out[n++] = (i - 3) / 4;
  return out;
}

/**
 * A die-cut sticker's white border: every transparent pixel within `radius` of the print's opaque
 * pixels turns white, with a thin grey cut line at its edge (a chamfer distance transform, so the
 * border is round, in two passes).
 */
export function dieCut(print: Pixels, radius: number): Pixels {
  const { width: w, height: h, data } = print;
  const far = 1e9;
  const dist = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) dist[i] = data[i * 4 + 3]! > 96 ? 0 : far;
  const a = 1;
  const c = Math.SQRT2;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let m = dist[i]!;
      if (x > 0) m = Math.min(m, dist[i - 1]! + a);
      if (y > 0) {
        m = Math.min(m, dist[i - w]! + a);
        if (x > 0) m = Math.min(m, dist[i - w - 1]! + c);
        if (x < w - 1) m = Math.min(m, dist[i - w + 1]! + c);
      }
      dist[i] = m;
    }
  for (let y = h - 1; y >= 0; y--)
    for (let x = w - 1; x >= 0; x--) {
      const i = y * w + x;
      let m = dist[i]!;
      if (x < w - 1) m = Math.min(m, dist[i + 1]! + a);
      if (y < h - 1) {
        m = Math.min(m, dist[i + w]! + a);
        if (x < w - 1) m = Math.min(m, dist[i + w + 1]! + c);
        if (x > 0) m = Math.min(m, dist[i + w - 1]! + c);
      }
      dist[i] = m;
    }
  const out = new Uint8ClampedArray(data);
  for (let i = 0; i < w * h; i++) {
    const dd = dist[i]!;
    if (dd === 0 || dd > radius + 1) continue;
    const o = i * 4;
    const edge = dd > radius - 1.2 ? Math.max(0, Math.min(1, radius + 1 - dd)) : 0;
    const grey = edge > 0 ? 170 : 255;
    const alpha = 255 - data[o + 3]!;
    const cover = (edge > 0 ? edge : 1) * 255;
    // Under what the print itself leaves transparent at its soft edge.
    const k = alpha / 255;
    out[o] = data[o]! * (1 - k) + grey * k;
    out[o + 1] = data[o + 1]! * (1 - k) + grey * k;
    out[o + 2] = data[o + 2]! * (1 - k) + grey * k;
    out[o + 3] = Math.max(data[o + 3]!, cover);
  }
  return { width: w, height: h, data: out };
}
