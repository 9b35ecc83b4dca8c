/** Palette quantisation of flat RGBA art: k-means on its flat opaque pixels, k given or chosen by error. */

export type Rgba = { data: Uint8Array | Buffer; width: number; height: number };
export type Rgb = [number, number, number];

export const MIN_COLORS = 1;
export const MAX_COLORS = 16;
/** A pixel at least this opaque (of 255) is art; anything less is left transparent. */
export const OPAQUE = 128;
/**
 * The automatic count is the smallest whose RMS error over the flat pixels, in 8-bit RGB units, is at
 * most this. Tuned on training emoji (bench/art/compareTracers.ts): below it the extra colours are
 * bands of a gradient (SSIM falls), above it features such as a palm's lines merge away.
 */
export const AUTO_RMS_ERROR = 8;

const SAMPLE = 12_000;
/**
 * Automatic growth also stops when one more colour cuts the error by less than a fifth: flat art's
 * colours each cut it by far more, while a generated image's mottling would take every colour
 * offered and trace as blotches. (0.8 measured best for SSIM on training emoji, and cleanest.)
 */
const ELBOW = 0.8;
/** Neighbours within this (of 255, per channel) make a pixel part of a flat region. */
const FLAT = 10;
/** How far apart (px) those neighbours are: at 16× a soft edge ramps over more than one pixel. */
const REACH = 4;
const ITERATIONS = 12;
/** Fewer flat pixels than this and the palette is taken from all opaque pixels. */
const MIN_FLAT = 256;

/** A fixed-seed generator: the same image always gets the same palette. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Up to SAMPLE colours of the art's flat pixels (opaque, and within FLAT of the pixels REACH away on
 * either axis), every n-th one, as a flat RGB Float32Array. Edges are left out: an enlarged image's
 * soft edges blend neighbouring colours, and a palette colour spent on a blend would trace as a halo
 * around every shape.
 */
function sampleFlat(image: Rgba): Float32Array {
  const { data, width, height } = image;
  const flat = new Uint8Array(width * height);
  const d = REACH;
  const differs = (i: number, j: number) =>
    data[j * 4 + 3]! < OPAQUE ||
    Math.abs(data[i * 4]! - data[j * 4]!) > FLAT ||
    Math.abs(data[i * 4 + 1]! - data[j * 4 + 1]!) > FLAT ||
    Math.abs(data[i * 4 + 2]! - data[j * 4 + 2]!) > FLAT;
  let count = 0;
  for (let y = d; y < height - d; y++) {
    for (let x = d; x < width - d; x++) {
      const i = y * width + x;
      if (data[i * 4 + 3]! < OPAQUE || differs(i, i - d) || differs(i, i + d) || differs(i, i - d * width) || differs(i, i + d * width)) continue;
      flat[i] = 1;
      count++;
    }
  }
  if (count < MIN_FLAT) {
    // No flat regions to speak of (noise, a photo, a tiny image): every opaque pixel counts.
    count = 0;
    for (let i = 0; i < flat.length; i++) if (data[i * 4 + 3]! >= OPAQUE) (flat[i] = 1), count++;
  }
  const step = Math.max(1, Math.floor(count / SAMPLE));
  const out: number[] = [];
  let seen = 0;
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] && seen++ % step === 0) out.push(data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!);
  }
  return Float32Array.from(out);
}

function nearest(centres: Float32Array, k: number, r: number, g: number, b: number): [number, number] {
  let best = 0;
  let bestD = Infinity;
  for (let c = 0; c < k; c++) {
    const dr = r - centres[c * 3]!;
    const dg = g - centres[c * 3 + 1]!;
    const db = b - centres[c * 3 + 2]!;
    const d = dr * dr + dg * dg + db * db;
    if (d < bestD) (bestD = d), (best = c);
  }
  return [best, bestD];
}

/** Adds k-means++ seeds to centres (the first `from` already set) until it holds centres.length / 3. */
function seed(points: Float32Array, centres: Float32Array, from: number, rand: () => number): void {
  const n = points.length / 3;
  const k = centres.length / 3;
  const dist = new Float32Array(n).fill(Infinity);
  const update = (c: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dr = points[i * 3]! - centres[c * 3]!;
      const dg = points[i * 3 + 1]! - centres[c * 3 + 1]!;
      const db = points[i * 3 + 2]! - centres[c * 3 + 2]!;
      dist[i] = Math.min(dist[i]!, dr * dr + dg * dg + db * db);
      total += dist[i]!;
    }
    return total;
  };
  let total = 0;
  for (let c = 0; c < from; c++) total = update(c);
  for (let c = from; c < k; c++) {
    let chosen = Math.floor(rand() * n);
    if (c > 0) {
      let target = rand() * total;
      chosen = n - 1;
      for (let i = 0; i < n; i++) if ((target -= dist[i]!) <= 0) (chosen = i), (i = n);
    }
    centres.set(points.subarray(chosen * 3, chosen * 3 + 3), c * 3);
    total = update(c);
  }
}

/** Lloyd's iterations from the given centres (moved in place); returns the mean squared error per channel. */
function lloyd(points: Float32Array, centres: Float32Array): number {
  const n = points.length / 3;
  const k = centres.length / 3;
  const labels = new Int32Array(n).fill(-1);
  let mse = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const sums = new Float64Array(k * 4);
    let changed = 0;
    mse = 0;
    for (let i = 0; i < n; i++) {
      const [r, g, b] = [points[i * 3]!, points[i * 3 + 1]!, points[i * 3 + 2]!];
      let c = 0;
      let best = Infinity;
      for (let j = 0; j < k; j++) {
        const d = (r - centres[j * 3]!) ** 2 + (g - centres[j * 3 + 1]!) ** 2 + (b - centres[j * 3 + 2]!) ** 2;
        if (d < best) (best = d), (c = j);
      }
      if (c !== labels[i]) (changed++), (labels[i] = c);
      mse += best;
      sums[c * 4] = sums[c * 4]! + r;
      sums[c * 4 + 1] = sums[c * 4 + 1]! + g;
      sums[c * 4 + 2] = sums[c * 4 + 2]! + b;
      sums[c * 4 + 3] = sums[c * 4 + 3]! + 1;
    }
    mse /= n * 3;
    if (changed === 0) break;
    for (let c = 0; c < k; c++) {
      const count = sums[c * 4 + 3]!;
      if (count) for (let j = 0; j < 3; j++) centres[c * 3 + j] = sums[c * 4 + j]! / count;
    }
  }
  return mse;
}

function toPalette(centres: Float32Array): Rgb[] {
  const palette: Rgb[] = [];
  for (let c = 0; c < centres.length / 3; c++) {
    const rgb = [0, 1, 2].map((j) => Math.round(centres[c * 3 + j]!)) as Rgb;
    if (!palette.some((p) => p[0] === rgb[0] && p[1] === rgb[1] && p[2] === rgb[2])) palette.push(rgb);
  }
  return palette;
}

/**
 * The palette of the art's opaque pixels: `colors` of them, or when absent the fewest (1 to 16)
 * whose RMS error is within AUTO_RMS_ERROR, or past which another colour helps little (ELBOW).
 */
export function choosePalette(image: Rgba, colors?: number): Rgb[] {
  const points = sampleFlat(image);
  if (points.length === 0) return [];
  const rand = random(points.length);
  if (colors !== undefined) {
    const centres = new Float32Array(colors * 3);
    seed(points, centres, 0, rand);
    lloyd(points, centres);
    return toPalette(centres);
  }
  // Grown one colour at a time, each new one seeded where the current palette fits worst.
  let centres = new Float32Array(3);
  seed(points, centres, 0, rand);
  let mse = lloyd(points, centres);
  for (let k = MIN_COLORS + 1; k <= MAX_COLORS && Math.sqrt(mse) > AUTO_RMS_ERROR; k++) {
    const grown = new Float32Array(k * 3);
    grown.set(centres);
    seed(points, grown, k - 1, rand);
    const next = lloyd(points, grown);
    if (next > mse * ELBOW) break;
    mse = next;
    centres = grown;
  }
  return toPalette(centres);
}

/**
 * The image with every opaque pixel set to its nearest palette colour at full opacity and every
 * other pixel transparent black: flat regions with hard edges, which a tracer turns into one path each.
 */
export function applyPalette(image: Rgba, palette: Rgb[]): Buffer {
  const { data } = image;
  const out = Buffer.alloc(data.length);
  const centres = Float32Array.from(palette.flat());
  // Colours repeat a lot in flat art: remember each 6-bit-per-channel cell's answer.
  const cache = new Int16Array(1 << 18).fill(-1);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < OPAQUE || palette.length === 0) continue;
    const key = ((data[i]! >> 2) << 12) | ((data[i + 1]! >> 2) << 6) | (data[i + 2]! >> 2);
    let c = cache[key]!;
    if (c < 0) cache[key] = c = nearest(centres, palette.length, data[i]!, data[i + 1]!, data[i + 2]!)[0];
    out[i] = palette[c]![0];
    out[i + 1] = palette[c]![1];
    out[i + 2] = palette[c]![2];
    out[i + 3] = 255;
  }
  return out;
}
