import type { WarpMap } from "./warpMap";

/** Straight (not premultiplied) RGBA, as `getImageData` gives it. */
export type Pixels = { data: Uint8ClampedArray; width: number; height: number };

/**
 * Lays the print on the product's body pixel by pixel: each body pixel takes the print where the
 * map points (bilinear, alpha-weighted), then the cloth's or glaze's light. Pixels outside the
 * body (alpha 0) stay untouched, so the print never spills off the product.
 */
export function composeOnto(body: Pixels, map: WarpMap, print: Pixels | null): void {
  const d = body.data;
  const n = map.size * map.size;
  const pw = print?.width ?? 0;
  const ph = print?.height ?? 0;
  const p = print?.data;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    if (d[o + 3] === 0) continue;
    let r = d[o]!;
    let g = d[o + 1]!;
    let b = d[o + 2]!;
    const u = map.u[i]!;
    if (p && u === u) {
      const fx = u * pw - 0.5;
      const fy = map.v[i]! * ph - 0.5;
      const x0 = Math.max(0, Math.min(pw - 1, Math.floor(fx)));
      const y0 = Math.max(0, Math.min(ph - 1, Math.floor(fy)));
      const x1 = Math.min(pw - 1, x0 + 1);
      const y1 = Math.min(ph - 1, y0 + 1);
      const tx = Math.max(0, Math.min(1, fx - x0));
      const ty = Math.max(0, Math.min(1, fy - y0));
      let sa = 0;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      const take = (x: number, y: number, w: number) => {
        const q = (y * pw + x) * 4;
        const a = (p[q + 3]! * w) / 255;
        sa += a;
        sr += p[q]! * a;
        sg += p[q + 1]! * a;
        sb += p[q + 2]! * a;
      };
      take(x0, y0, (1 - tx) * (1 - ty));
      take(x1, y0, tx * (1 - ty));
      take(x0, y1, (1 - tx) * ty);
      take(x1, y1, tx * ty);
      if (sa > 0) {
        r = r * (1 - sa) + sr;
        g = g * (1 - sa) + sg;
        b = b * (1 - sa) + sb;
      }
    }
    const s = map.shade[i]!;
    const gl = map.gloss[i]!;
    d[o] = r * s + gl;
    d[o + 1] = g * s + gl;
    d[o + 2] = b * s + gl;
  }
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
