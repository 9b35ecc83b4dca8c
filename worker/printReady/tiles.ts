/** One tile of an input image: the part it is responsible for, and the padded part it reads. */
export type Tile = {
  /** The output this tile writes, in input pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** What the network reads: the tile plus up to `margin` pixels of context on every side. */
  readX: number;
  readY: number;
  readWidth: number;
  readHeight: number;
};

/**
 * Cuts a width × height image into tiles of at most `size` pixels, each read with `margin` pixels
 * of context, so that stitching the tiles' outputs gives what one pass over the whole image would
 * (every output pixel depends only on inputs within the network's receptive field, ≤ margin).
 */
export function planTiles(width: number, height: number, size: number, margin: number): Tile[] {
  if (!(size > 0) || margin < 0) throw new Error(`bad tile size ${size} or margin ${margin}`);
  const tiles: Tile[] = [];
  for (let y = 0; y < height; y += size) {
    for (let x = 0; x < width; x += size) {
      const w = Math.min(size, width - x);
      const h = Math.min(size, height - y);
      const readX = Math.max(0, x - margin);
      const readY = Math.max(0, y - margin);
      tiles.push({
        x, y, width: w, height: h,
        readX, readY,
        readWidth: Math.min(width, x + w + margin) - readX,
        readHeight: Math.min(height, y + h + margin) - readY,
      });
    }
  }
  return tiles;
}
