import type { ProductKind } from "../catalog/catalog";
import { garmentArt } from "./art/garment";
import { mugArt, phoneCaseArt, posterArt, stickersArt, toteArt } from "./art/goods";
import type { Ctx } from "./art/paint";
import type { ProductArt } from "./art/productArt";
import { composeOnto, dieCut, drawnPixels, type Pixels } from "./compose";
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

/** The parts of a picture that do not depend on the print, drawn once per product view, colour and size. */
type Layers = { backdrop: AnyCanvas; overlay: AnyCanvas; body: Uint8ClampedArray; drawn: Int32Array; work: AnyCanvas };
const layerCache = new Map<string, Layers>();

function layersFor(view: MockupView, art: ProductArt, colorHex: string, size: number, make: MakeCanvas): Layers {
  const key = `${view.kind}:${view.side}:${colorHex}:${size}`;
  let layers = layerCache.get(key);
  if (layers) return layers;
  const k = size / SCENE;
  const paint = (draw: (ctx: Ctx) => void) => {
    const canvas = make(size, size);
    const ctx = canvas.getContext("2d") as Ctx;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    draw(ctx);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    return canvas;
  };
  const backdrop = paint((ctx) => art.backdrop(ctx));
  const overlay = paint((ctx) => art.overlay(ctx, colorHex));
  const work = paint((ctx) => art.body(ctx, colorHex));
  const body = (work.getContext("2d") as Ctx).getImageData(0, 0, size, size).data;
  layers = { backdrop, overlay, body: new Uint8ClampedArray(body), drawn: drawnPixels(body), work };
  // Big pictures (the worker's 2000 px mockups) hold three canvases each: keep a few.
  if (layerCache.size >= 6) layerCache.delete(layerCache.keys().next().value!);
  layerCache.set(key, layers);
  return layers;
}

/**
 * The product with the print on it, as a shop would photograph it: the studio, the body in the
 * chosen colour, the print laid on pixel by pixel (following folds, or round the mug), then
 * seams and gloss on top. Draws into `target` (size × size); `make` gives the canvases for the
 * parts that stay the same from one redraw to the next (drawn once, then reused).
 */
export function renderMockup(req: MockupRequest, make: MakeCanvas, target: AnyCanvas): void {
  const view = viewFor(req.kind, req.areaName);
  const art = artFor(view);
  const { size } = req;
  const layers = layersFor(view, art, req.colorHex, size, make);
  const work = layers.work.getContext("2d") as Ctx;
  const pixels = work.createImageData(size, size);
  pixels.data.set(layers.body);
  const print = req.print && view.kind === "stickers" ? dieCut(req.print, Math.max(2, Math.round(req.print.width / 60))) : req.print;
  composeOnto(pixels, warpMapFor(view, art, size, req.aspect), print, layers.drawn);
  work.putImageData(pixels, 0, 0);
  const ctx = target.getContext("2d") as Ctx;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layers.backdrop as unknown as CanvasImageSource, 0, 0);
  ctx.drawImage(layers.work as unknown as CanvasImageSource, 0, 0);
  ctx.drawImage(layers.overlay as unknown as CanvasImageSource, 0, 0);
  ctx.restore();
}
