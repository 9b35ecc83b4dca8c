import { reachableFromBorder } from "./borderReach";

/** A pixel this close to white (every channel at least this) counts as white paper. */
const NEAR_WHITE = 232;

/**
 * Which pixels of an RGB image are white but enclosed: near-white pixels that cannot reach the
 * image's border through other near-white pixels (4-connected). A white background touches the
 * border; the whites of eyes, a ghost's body or a flag's field sit inside an outline. The network
 * sees only about a dozen input pixels around each one, too little to tell a large white region
 * inside an outline from the background, so this global fact is taken from the image itself.
 * `walls` marks pixels that count as outline though they are near-white (tinted white known to be art).
 */
export function enclosedWhite(rgb: Uint8Array, width: number, height: number, walls?: Uint8Array): Uint8Array {
  const white = (i: number) => !walls?.[i] && rgb[i * 3]! >= NEAR_WHITE && rgb[i * 3 + 1]! >= NEAR_WHITE && rgb[i * 3 + 2]! >= NEAR_WHITE;
  const whites = new Uint8Array(width * height);
  for (let i = 0; i < whites.length; i++) whites[i] = white(i) ? 1 : 0;
  const outside = reachableFromBorder(whites, width, height);
  const enclosed = new Uint8Array(width * height);
  for (let i = 0; i < enclosed.length; i++) enclosed[i] = whites[i] && !outside[i] ? 1 : 0;
  return enclosed;
}

/** The mask at `scale`×, bilinearly, as 0–255 alpha: soft edges instead of 16 px blocks. */
export function upscaleMask(mask: Uint8Array, width: number, height: number, scale: number): Uint8Array {
  const outW = width * scale;
  const outH = height * scale;
  const out = new Uint8Array(outW * outH);
  for (let y = 0; y < outH; y++) {
    const sy = Math.min(height - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < outW; x++) {
      const sx = Math.min(width - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = mask[y0 * width + x0]! * (1 - fx) + mask[y0 * width + x1]! * fx;
      const bottom = mask[y1 * width + x0]! * (1 - fx) + mask[y1 * width + x1]! * fx;
      out[y * outW + x] = Math.round((top * (1 - fy) + bottom * fy) * 255);
    }
  }
  return out;
}
