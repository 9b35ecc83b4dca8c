import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assets, canvases } from "@/db/schema";
import type { PrintArea, Product } from "@/domain/catalog/catalog";
import { areaOfShape } from "@/domain/design/artboard";
import { assetsShown } from "@/domain/document/assetSource";
import { canvasDoc, orderedShapes } from "@/domain/document/canvasDoc";
import type { Shape } from "@/domain/document/shape";
import { elementIdFromSrc, elementsShown } from "@/domain/elements/elementSource";
import { loadDoc } from "../canvas/docStore";
import { readObject, type Storage } from "../../storage/storage";
import { listProducts } from "../catalog/catalogService";
import { readElementSvg } from "../elements/elementLibrary";

/**
 * A design as the server renders it: its product, the shapes on each print area, and where the
 * bytes of its images come from (the canvas's assets, or a published snapshot's copies).
 */
export type Design = {
  product: Product;
  variantId: string;
  shapesOn: (area: PrintArea) => Shape[];
  loadImages: (storage: Storage, shapes: Shape[]) => Promise<Map<string, Buffer>>;
};

/** The shapes of `ordered` that sit on `area` of `product`. */
export function shapesOnArea(ordered: Shape[], product: Product, area: PrintArea): Shape[] {
  return ordered.filter((s) => areaOfShape(s, product.printAreas) === area.id);
}

/** The print areas of `product` with something visible on them, in catalog order (front before back). */
export function designedAreas(ordered: Shape[], product: Product): PrintArea[] {
  return product.printAreas.filter((a) => shapesOnArea(ordered, product, a).some((s) => !s.hidden));
}

/** Null when the canvas is gone or no longer designs a product. */
export async function loadDesign(db: DbOrTx, canvasId: string): Promise<Design | null> {
  const [canvas] = await db.select({ productId: canvases.productId, variantId: canvases.variantId }).from(canvases).where(eq(canvases.id, canvasId));
  if (!canvas?.productId || !canvas.variantId) return null;
  const product = (await listProducts(db)).find((p) => p.id === canvas.productId);
  if (!product) return null;
  const { doc } = await loadDoc(db, canvasId);
  const ordered = orderedShapes(canvasDoc(doc));
  return {
    product,
    variantId: canvas.variantId,
    shapesOn: (area) => shapesOnArea(ordered, product, area),
    loadImages: (storage, shapes) => loadDesignImages(db, storage, canvasId, shapes),
  };
}

/** Decoding more source pixels than this for one render could exhaust the worker's memory. */
export const MAX_SOURCE_PIXELS = 160_000_000;

/**
 * The sanitised SVG of each library element these shapes show, by `src`. Elements are global and
 * immutable, so a canvas and a published snapshot both read them from the library, never copies.
 */
export async function loadElementImages(shapes: Shape[]): Promise<Map<string, Buffer>> {
  const bytes = new Map<string, Buffer>();
  for (const src of elementsShown(shapes)) {
    const art = await readElementSvg(elementIdFromSrc(src)!);
    if (art) bytes.set(src, Buffer.from(art.svg));
  }
  return bytes;
}

/**
 * The bytes of the images these shapes show, by `src`: ready assets of this canvas and library
 * elements (SVG; a `src` pointing elsewhere draws nothing). Throws a clear error when the pictures
 * together are too big to decode at once.
 */
export async function loadDesignImages(db: DbOrTx, storage: Storage, canvasId: string, shapes: Shape[]): Promise<Map<string, Buffer>> {
  const elements = await loadElementImages(shapes);
  const bySrc = assetsShown(shapes);
  if (!bySrc.size) return elements;
  const rows = await db
    .select({ id: assets.id, key: assets.objectKey, width: assets.width, height: assets.height })
    .from(assets)
    .where(and(eq(assets.canvasId, canvasId), eq(assets.status, "ready"), inArray(assets.id, [...new Set(bySrc.values())])));
  const pixels = rows.reduce((n, r) => n + (r.width ?? 0) * (r.height ?? 0), 0);
  if (pixels > MAX_SOURCE_PIXELS) throw new Error(`The images on this print area hold ${Math.round(pixels / 1e6)} megapixels together; at most ${MAX_SOURCE_PIXELS / 1e6} can be rendered at once.`);
  const bytes = elements;
  for (const r of rows) {
    if (!r.key) continue;
    const read = await readObject(storage, r.key, 64 * 1024 * 1024);
    if (read.kind !== "ok") continue;
    for (const [src, id] of bySrc) if (id === r.id) bytes.set(src, read.body);
  }
  return bytes;
}
