import type Konva from "konva";
import { CHECKERED } from "../images/checkerboard";
import type { Box, Camera } from "../store/geometry";

/**
 * The artboard's shapes as a bitmap `width` pixels wide, drawn from the live Konva nodes (loaded
 * images included), with no artboard colour behind them and no checkerboard under transparent
 * images: what would be printed.
 */
export function artboardSnapshot(group: Konva.Group, camera: Camera, artboard: Box, width: number): HTMLCanvasElement {
  const checkered = group.find((n: Konva.Node) => n.getAttr(CHECKERED) === true) as Konva.Shape[];
  for (const n of checkered) n.fillEnabled(false);
  try {
    return group.toCanvas({
      x: camera.x + artboard.x * camera.scale,
      y: camera.y + artboard.y * camera.scale,
      width: artboard.width * camera.scale,
      height: artboard.height * camera.scale,
      pixelRatio: width / (artboard.width * camera.scale),
    }) as HTMLCanvasElement;
  } finally {
    for (const n of checkered) n.fillEnabled(true);
  }
}
