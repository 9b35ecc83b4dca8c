import type Konva from "konva";
import { shapeBox, unionBox, type Box, type Camera } from "../store/geometry";
import type { Shape } from "../store/shapeTypes";
import { CHECKERED } from "../images/checkerboard";

/**
 * A PNG of the shapes layer only: no selection handles, guides, marquee or other people's cursors.
 * A selection exports alone on a transparent background; otherwise the artboard with everything.
 * The checkerboard behind transparent images is for the screen, not the file.
 */
export function exportLayerPng(layer: Konva.Layer, camera: Camera, artboard: Box, shapes: Shape[], selection: ReadonlySet<string>, pixelRatio: 1 | 2): string {
  const sel = shapes.filter((s) => selection.has(s.id));
  const box = unionBox(sel.map(shapeBox)) ?? artboard;
  const others = sel.length ? layer.find((n: Konva.Node) => n.isVisible() && (n.name() === "artboard" || (!!n.id() && !selection.has(n.id())))) : [];
  const checkered = layer.find((n: Konva.Node) => n.getAttr(CHECKERED) === true) as Konva.Shape[];
  for (const n of others) n.hide();
  for (const n of checkered) n.fillEnabled(false);
  try {
    return layer.toDataURL({ x: camera.x + box.x * camera.scale, y: camera.y + box.y * camera.scale, width: box.width * camera.scale, height: box.height * camera.scale, pixelRatio: pixelRatio / camera.scale });
  } finally {
    for (const n of others) n.show();
    for (const n of checkered) n.fillEnabled(true);
  }
}

/** Saves a data URL as a file named after the canvas. */
export function download(url: string, canvasName: string, selection: boolean, pixelRatio: 1 | 2): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = `${canvasName.replace(/[^\p{L}\p{N} _-]+/gu, "").trim() || "canvas"}${selection ? "-selection" : ""}@${pixelRatio}x.png`;
  a.click();
}
