/** Palette quantisation of flat RGBA art: k-means on the opaque pixels, k given or chosen by error. */

export type Rgba = { data: Uint8Array | Buffer; width: number; height: number };
export type Rgb = [number, number, number];

export const MIN_COLORS = 1;
export const MAX_COLORS = 16;
/** A pixel at least this opaque (of 255) is art; anything less is left transparent. */
export const OPAQUE = 128;
/** The automatic count is the smallest whose RMS error over the art, in 8-bit RGB units, is at most this. */
export const AUTO_RMS_ERROR = Number(process.env.AUTO_RMS ?? 6);

const SAMPLE = 24_000;
/** Neighbours within this (of 255, per channel) make a pixel part of a flat region. */
const FLAT = Number(process.env.FLAT ?? 10);
const REACH = Number(process.env.REACH ?? 4);
const ITERATIONS = 12;

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
  let count = 0;
  for (let y = d; y < height - d; y++) {
    for (let x = d; x < width - d; x++) {
      const i = y * width + x;
      const around = [i - d, i + d, i - d * width, i + d * width];
      if (data[i * 4 + 3]! < OPAQUE || around.some((j) => data[j * 4 + 3]! < OPAQUE)) continue;
      let diff = 0;
      for (const j of around) for (let c = 0; c < 3; c++) diff = Math.max(diff, Math.abs(data[i * 4 + c]! - data[j * 4 + c]!));
      if (diff <= FLAT) (flat[i] = 1), count++;
    }
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

/** Lloyd's k-means from k-means++ seeds; returns the centres and the mean squared error. */
function kmeans(points: Float32Array, k: number): { centres: Float32Array; mse: number } {
  const n = points.length / 3;
  const centres = new Float32Array(k * 3);
  if (n === 0) return { centres, mse: 0 };
  const rand = random(k * 7919 + n);
  const dist = new Float32Array(n).fill(Infinity);
  let chosen = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    centres.set(points.subarray(chosen * 3, chosen * 3 + 3), c * 3);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dr = points[i * 3]! - centres[c * 3]!;
      const dg = points[i * 3 + 1]! - centres[c * 3 + 1]!;
      const db = points[i * 3 + 2]! - centres[c * 3 + 2]!;
      dist[i] = Math.min(dist[i]!, dr * dr + dg * dg + db * db);
      total += dist[i]!;
    }
    let target = rand() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) if ((target -= dist[i]!) <= 0) (chosen = i), (i = n);
  }
  const labels = new Int32Array(n);
  let mse = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const sums = new Float64Array(k * 4);
    let changed = 0;
    mse = 0;
    for (let i = 0; i < n; i++) {
      const [c, d] = nearest(centres, k, points[i * 3]!, points[i * 3 + 1]!, points[i * 3 + 2]!);
      if (c !== labels[i]) changed++;
      labels[i] = c;
      mse += d;
      sums[c * 4] = sums[c * 4]! + points[i * 3]!;
      sums[c * 4 + 1] = sums[c * 4 + 1]! + points[i * 3 + 1]!;
      sums[c * 4 + 2] = sums[c * 4 + 2]! + points[i * 3 + 2]!;
      sums[c * 4 + 3] = sums[c * 4 + 3]! + 1;
    }
    mse /= n * 3;
    for (let c = 0; c < k; c++) {
      const count = sums[c * 4 + 3]!;
      if (count) for (let j = 0; j < 3; j++) centres[c * 3 + j] = sums[c * 4 + j]! / count;
    }
    if (it > 0 && changed === 0) break;
  }
  return { centres, mse };
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
 * whose RMS error is within AUTO_RMS_ERROR, so flat art keeps exactly its own colours.
 */
export function choosePalette(image: Rgba, colors?: number): Rgb[] {
  const points = sampleFlat(image);
  if (points.length === 0) return [];
  if (colors !== undefined) return toPalette(kmeans(points, colors).centres);
  let best = kmeans(points, MIN_COLORS);
  for (let k = MIN_COLORS + 1; k <= MAX_COLORS && Math.sqrt(best.mse) > AUTO_RMS_ERROR; k++) best = kmeans(points, k);
  return toPalette(best.centres);
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
