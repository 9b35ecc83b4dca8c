import type { Rgb } from "../upscale/imageMetrics";
import { reachableFromBorder } from "@/worker/printReady/borderReach";

/** Print-art measures beside imageMetrics': edge sharpness and holes through a cut-out. */

/**
 * The 99.5th percentile of the Sobel gradient magnitude of luma over the image. The strongest
 * edges decide it, so an edge placed a pixel off costs nothing, while a blurred one scores low.
 */
export function sharpness(img: Rgb): number {
  const { width: w, height: h, data } = img;
  const y = new Float32Array(w * h);
  for (let i = 0; i < y.length; i++) y[i] = data[i * 3]! * 0.299 + data[i * 3 + 1]! * 0.587 + data[i * 3 + 2]! * 0.114;
  // A histogram over the magnitude's range (at most √32 for luma in [0, 1]) finds the percentile in one pass.
  const BINS = 1 << 16;
  const MAX = Math.sqrt(32);
  const hist = new Uint32Array(BINS);
  for (let r = 1; r < h - 1; r++) {
    for (let c = 1; c < w - 1; c++) {
      const i = r * w + c;
      const gx = y[i - w + 1]! + 2 * y[i + 1]! + y[i + w + 1]! - y[i - w - 1]! - 2 * y[i - 1]! - y[i + w - 1]!;
      const gy = y[i + w - 1]! + 2 * y[i + w]! + y[i + w + 1]! - y[i - w - 1]! - 2 * y[i - w]! - y[i - w + 1]!;
      hist[Math.min(BINS - 1, Math.floor((Math.hypot(gx, gy) / MAX) * BINS))]!++;
    }
  }
  const rank = Math.ceil(0.995 * (w - 2) * (h - 2));
  let seen = 0;
  for (let b = 0; b < BINS; b++) if ((seen += hist[b]!) >= rank) return ((b + 0.5) / BINS) * MAX;
  return MAX;
}

/** The silhouette (alpha ≥ half) with every hole in it filled: what is not reachable from the border through transparent pixels. */
export function filledSilhouette(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const clear = new Uint8Array(width * height);
  for (let i = 0; i < clear.length; i++) clear[i] = rgba[i * 4 + 3]! < 128 ? 1 : 0;
  const outside = reachableFromBorder(clear, width, height);
  for (let i = 0; i < outside.length; i++) outside[i] = outside[i] ? 0 : 1;
  return outside;
}

/** Transparent pixels (alpha < half) of `rgba` inside the filled silhouette, over the silhouette's area. */
export function holeFraction(rgba: Uint8Array, filled: Uint8Array): number {
  let area = 0;
  let holes = 0;
  for (let i = 0; i < filled.length; i++) {
    if (!filled[i]) continue;
    area++;
    if (rgba[i * 4 + 3]! < 128) holes++;
  }
  return area ? holes / area : 0;
}

/** The mask less a band `px` wide along its outline (city-block distance), to tell holes from an outline placed off. */
export function inset(mask: Uint8Array, width: number, height: number, px: number): Uint8Array {
  const d = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (mask[i]) d[i] = Math.min(65535, 1 + Math.min(x > 0 ? d[i - 1]! : 0, y > 0 ? d[i - width]! : 0));
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (!mask[i]) continue;
      d[i] = Math.min(d[i]!, 1 + Math.min(x < width - 1 ? d[i + 1]! : 0, y < height - 1 ? d[i + width]! : 0));
      out[i] = d[i]! > px ? 1 : 0;
    }
  }
  return out;
}

/**
 * Opaque pixels (alpha ≥ half) of `rgba` outside `near` (the true filled silhouette grown by the
 * outline band), over the silhouette's area: white a fill added where the art has none.
 */
export function spillFraction(rgba: Uint8Array, filled: Uint8Array, near: Uint8Array): number {
  let area = 0;
  let spill = 0;
  for (let i = 0; i < filled.length; i++) {
    if (filled[i]) area++;
    if (!near[i] && rgba[i * 4 + 3]! >= 128) spill++;
  }
  return area ? spill / area : 0;
}
