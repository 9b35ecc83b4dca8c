import type { ProductKind } from "../catalog/catalog";
import { garmentArt } from "./art/garment";
import { mugArt, phoneCaseArt, posterArt, stickersArt, toteArt } from "./art/goods";
import type { Ctx } from "./art/paint";
import type { ProductArt } from "./art/productArt";
import { composeOnto, dieCut, type Pixels } from "./compose";
import { printRect, SCENE, viewFor, type MockupView } from "./scene";
import { buildWarpMap, type WarpMap } from "./warpMap";

/** A 2D canvas, the browser's or the server's. */
export type AnyCanvas = { width: number; height: number; getContext(type: "2d"): unknown };
export type MakeCanvas = (width: number, height: number) => AnyCanvas;

export type MockupRequest = {
  kind: ProductKind;
  /** The print area's name ("Front", "Back"…): it picks the view. */
  areaName: string;
  /** The print area's width ÷ height. */
  aspect: number;
  colorHex: string;
  /** The artboard, transparent where nothing is printed; null draws the bare product. */
  print: Pixels | null;
  /** The square picture's side in pixels. */
  size: number;
};

function artFor(view: MockupView): ProductArt {
  switch (view.kind) {
    case "tshirt":
    case "hoodie":
      return garmentArt[view.kind](view.side);
    case "mug":
      return mugArt;
    case "tote":
      return toteArt;
    case "poster":
      return posterArt;
    case "stickers":
      return stickersArt;
    case "phone_case":
      return phoneCaseArt;
  }
}

const maps = new Map<string, WarpMap>();
function warpMapFor(view: MockupView, art: ProductArt, size: number, aspect: number): WarpMap {
  const key = `${view.kind}:${view.side}:${size}:${aspect.toFixed(4)}`;
  let map = maps.get(key);
  if (!map) {
    map = buildWarpMap(view, art.folds, size, aspect);
    if (maps.size >= 12) maps.delete(maps.keys().next().value!);
    maps.set(key, map);
  }
  return map;
}

/** How many pixels the print covers in a mockup of this size: render the artboard about this large. */
export function printPixelsIn(req: Pick<MockupRequest, "kind" | "areaName" | "aspect" | "size">): { width: number; height: number } {
  const view = viewFor(req.kind, req.areaName);
  const rect = printRect(view, req.aspect);
  const k = req.size / SCENE;
  // The mug shows half its wrap: the whole wrap needs twice the visible width.
  const width = view.warp === "cylinder" ? rect.width * k * 2.2 : rect.width * k;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(view.warp === "cylinder" ? width / req.aspect : rect.height * k)) };
}

/**
 * The product with the print on it, as a shop would photograph it: the studio, the body in the
 * chosen colour, the print laid on pixel by pixel (following folds, or round the mug), then
 * seams and gloss on top. Draws into `target` (size × size) with canvases from `make`.
 */
export function renderMockup(req: MockupRequest, make: MakeCanvas, target: AnyCanvas): void {
  const view = viewFor(req.kind, req.areaName);
  const art = artFor(view);
  const { size } = req;
  const k = size / SCENE;
  const ctx = target.getContext("2d") as Ctx;
  ctx.save();
  ctx.setTransform(k, 0, 0, k, 0, 0);
  art.backdrop(ctx);
  ctx.restore();

  const bodyCanvas = make(size, size);
  const body = bodyCanvas.getContext("2d") as Ctx;
  body.setTransform(k, 0, 0, k, 0, 0);
  art.body(body, req.colorHex);
  body.setTransform(1, 0, 0, 1, 0, 0);
  const pixels = body.getImageData(0, 0, size, size);
  const print = req.print && view.kind === "stickers" ? dieCut(req.print, Math.max(2, Math.round(req.print.width / 60))) : req.print;
  composeOnto(pixels, warpMapFor(view, art, size, req.aspect), print);
  body.putImageData(pixels, 0, 0);
  ctx.drawImage(bodyCanvas as unknown as CanvasImageSource, 0, 0);

  ctx.save();
  ctx.setTransform(k, 0, 0, k, 0, 0);
  art.overlay(ctx, req.colorHex);
  ctx.restore();
}
