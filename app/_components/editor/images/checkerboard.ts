/** Konva attribute marking an image drawn over a checkerboard (turned off while exporting). */
export const CHECKERED = "checkered";

let tile: HTMLCanvasElement | null = null;

/**
 * A 16 px checkerboard tile, drawn behind images that have transparent pixels so people see what
 * will not print (as Figma and Photoshop show transparency).
 */
export function checkerboardTile(): HTMLCanvasElement {
  if (tile) return tile;
  tile = document.createElement("canvas");
  tile.width = tile.height = 16;
  const ctx = tile.getContext("2d")!;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, 16, 16);
  ctx.fillStyle = "#dee2e6";
  ctx.fillRect(0, 0, 8, 8);
  ctx.fillRect(8, 8, 8, 8);
  return tile;
}

/** Whether any pixel of the image is see-through, judged on a 32 px copy. */
export function hasTransparency(image: HTMLImageElement): boolean {
  const side = 32;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = side;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(image, 0, 0, side, side);
  const { data } = ctx.getImageData(0, 0, side, side);
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 250) return true;
  return false;
}
