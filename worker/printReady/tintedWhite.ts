import { dilate } from "./fillHoles";

/** Every channel at least this is paper (the model's backgrounds are, to within its noise). */
const PAPER = 250;
/** Every channel at least this, but not paper, is a tinted white: snow, a chef's coat, a cloud. */
const TINTED = 232;
/** A body of tinted white at least this many pixels once eroded by one is art, not an edge's halo. */
const MIN_CORE = 4;
/** Bodies whose edges meet paper more than this share of the time are a glow fading out, not surfaces. */
const MAX_PAPER_EDGE = 0.5;

/**
 * Which pixels of an RGB image are tinted white that belongs to the subject though it touches the
 * paper: broad areas of near-white that is not quite white (a snowy slope, a chef's coat). An
 * anti-aliased edge is tinted too, but only one pixel wide, so the areas are found by eroding the
 * tinted pixels by one (8 neighbours), keeping cores of at least MIN_CORE pixels, and growing them
 * back by one within the tinted pixels. A comet's tail fades into the paper along most of its edge;
 * a coat or a slope is drawn against ink for most of its. The bodies are kept only when, all
 * together, their edge meets ink at least as often as paper: a slope is cut into pieces by the
 * figure on it, and a piece at the picture's edge alone would look like a glow.
 */
export function tintedWhite(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const n = width * height;
  const least = (i: number) => Math.min(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!);
  const tinted = new Uint8Array(n);
  for (let i = 0; i < n; i++) tinted[i] = least(i) >= TINTED && least(i) < PAPER ? 1 : 0;
  const notTinted = new Uint8Array(n);
  for (let i = 0; i < n; i++) notTinted[i] = 1 - tinted[i]!;
  const touched = dilate(notTinted, width, height, 1);
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) core[i] = tinted[i] && !touched[i] ? 1 : 0;
  for (const part of parts(core, width, height)) if (part.length < MIN_CORE) for (const i of part) core[i] = 0;
  const body = dilate(core, width, height, 1);
  for (let i = 0; i < n; i++) body[i] = body[i]! & tinted[i]!;
  let paper = 0;
  let ink = 0;
  for (let i = 0; i < n; i++) {
    if (!body[i]) continue;
    for (const j of neighbours4(i, width, height)) {
      if (body[j]) continue;
      if (least(j) >= PAPER) paper++;
      else if (least(j) < TINTED) ink++;
    }
  }
  if (paper > MAX_PAPER_EDGE * (paper + ink)) body.fill(0);
  return body;
}

function neighbours4(i: number, width: number, height: number): number[] {
  const x = i % width;
  const out: number[] = [];
  if (x > 0) out.push(i - 1);
  if (x < width - 1) out.push(i + 1);
  if (i >= width) out.push(i - width);
  if (i < width * (height - 1)) out.push(i + width);
  return out;
}

/** The 8-connected parts of `mask`, each as its pixel indices. */
function parts(mask: Uint8Array, width: number, height: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const out: number[][] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    seen[start] = 1;
    const part = [start];
    for (let k = 0; k < part.length; k++) {
      const x = part[k]! % width;
      const y = (part[k]! - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const j = (y + dy) * width + (x + dx);
          if (x + dx < 0 || y + dy < 0 || x + dx >= width || y + dy >= height || !mask[j] || seen[j]) continue;
          seen[j] = 1;
          part.push(j);
        }
      }
    }
    out.push(part);
  }
  return out;
}
