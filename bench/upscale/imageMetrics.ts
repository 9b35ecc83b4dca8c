/** Image quality measures over RGB(A) byte buffers, as the recipe's evaluation computes them. */

export type Rgb = { data: Float32Array; width: number; height: number };

/** RGB in [0, 1] of 8-bit pixels with `channels` per pixel, composited over white when there is alpha. */
export function onWhite(pixels: Uint8Array, width: number, height: number, channels: number): Rgb {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const a = channels === 4 ? pixels[i * 4 + 3]! / 255 : 1;
    for (let c = 0; c < 3; c++) data[i * 3 + c] = (pixels[i * channels + c]! / 255) * a + (1 - a);
  }
  return { data, width, height };
}

/** Mean over factor × factor blocks (the recipe's box downscale). */
export function boxDown(img: Rgb, factor: number): Rgb {
  const width = img.width / factor;
  const height = img.height / factor;
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const o = (Math.floor(y / factor) * width + Math.floor(x / factor)) * 3;
      const i = (y * img.width + x) * 3;
      data[o] = data[o]! + img.data[i]!;
      data[o + 1] = data[o + 1]! + img.data[i + 1]!;
      data[o + 2] = data[o + 2]! + img.data[i + 2]!;
    }
  }
  const n = factor * factor;
  for (let i = 0; i < data.length; i++) data[i] = data[i]! / n;
  return { data, width, height };
}

export function psnr(a: Rgb, b: Rgb): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += (a.data[i]! - b.data[i]!) ** 2;
  return 10 * Math.log10(1 / Math.max(sum / a.data.length, 1e-12));
}

function luma(img: Rgb): Float32Array {
  const out = new Float32Array(img.width * img.height);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i * 3]! * 0.299 + img.data[i * 3 + 1]! * 0.587 + img.data[i * 3 + 2]! * 0.114;
  return out;
}

const KERNEL = (() => {
  const k = Array.from({ length: 11 }, (_, i) => Math.exp(-((i - 5) ** 2) / 4.5));
  const s = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / s);
})();

/** 11 × 11 Gaussian (σ 1.5) over the valid region, separably. */
function blur(src: Float32Array, w: number, h: number): { data: Float32Array; w: number; h: number } {
  const ow = w - 10;
  const oh = h - 10;
  const tmp = new Float32Array(ow * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < ow; x++) {
    let s = 0;
    for (let k = 0; k < 11; k++) s += src[y * w + x + k]! * KERNEL[k]!;
    tmp[y * ow + x] = s;
  }
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) {
    let s = 0;
    for (let k = 0; k < 11; k++) s += tmp[(y + k) * ow + x]! * KERNEL[k]!;
    out[y * ow + x] = s;
  }
  return { data: out, w: ow, h: oh };
}

/** SSIM of luma (Wang et al. 2004, Gaussian window σ 1.5), as the recipe's evaluation computes it. */
export function ssim(a: Rgb, b: Rgb): number {
  const x = luma(a);
  const y = luma(b);
  const { width: w, height: h } = a;
  const mul = (p: Float32Array, q: Float32Array) => p.map((v, i) => v * q[i]!);
  const [mx, my, xx, yy, xy] = [x, y, mul(x, x), mul(y, y), mul(x, y)].map((m) => blur(m, w, h).data);
  const c1 = 0.01 ** 2;
  const c2 = 0.03 ** 2;
  let sum = 0;
  for (let i = 0; i < mx!.length; i++) {
    const vx = xx![i]! - mx![i]! ** 2;
    const vy = yy![i]! - my![i]! ** 2;
    const cxy = xy![i]! - mx![i]! * my![i]!;
    sum += ((2 * mx![i]! * my![i]! + c1) * (2 * cxy + c2)) / ((mx![i]! ** 2 + my![i]! ** 2 + c1) * (vx + vy + c2));
  }
  return sum / mx!.length;
}

/** Intersection over union of two masks. */
export function iou(a: Uint8Array, b: Uint8Array): number {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    inter += a[i]! & b[i]!;
    union += a[i]! | b[i]!;
  }
  return union ? inter / union : 1;
}

function lanczos3(x: number): number {
  if (x === 0) return 1;
  if (Math.abs(x) >= 3) return 0;
  const px = Math.PI * x;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

/** One axis of a Lanczos-3 resampling (enlargement), edges clamped, weights normalised. */
function lanczosAxis(src: Float32Array, w: number, h: number, outW: number, horizontal: boolean): Float32Array {
  const [n, m] = horizontal ? [w, h] : [h, w];
  const outN = outW;
  const out = new Float32Array(horizontal ? outN * h * 3 : w * outN * 3);
  const scale = n / outN;
  for (let o = 0; o < outN; o++) {
    const centre = (o + 0.5) * scale - 0.5;
    const first = Math.floor(centre) - 2;
    const taps: [number, number][] = [];
    let sum = 0;
    for (let i = first; i < first + 6; i++) {
      const wgt = lanczos3(centre - i);
      taps.push([Math.min(n - 1, Math.max(0, i)), wgt]);
      sum += wgt;
    }
    for (let k = 0; k < m; k++) {
      for (let c = 0; c < 3; c++) {
        let v = 0;
        for (const [i, wgt] of taps) v += src[(horizontal ? k * w + i : i * w + k) * 3 + c]! * wgt;
        out[(horizontal ? k * outN + o : o * w + k) * 3 + c] = Math.min(1, Math.max(0, v / sum));
      }
    }
  }
  return out;
}

/** A true Lanczos-3 enlargement to size × size (sharp applies its kernel when reducing, not enlarging). */
export function lanczosUp(img: Rgb, size: number): Rgb {
  const wide = lanczosAxis(img.data, img.width, img.height, size, true);
  return { data: lanczosAxis(wide, size, img.height, size, false), width: size, height: size };
}
