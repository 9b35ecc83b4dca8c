import type { CanvasDoc } from "./canvasDoc";
import { getShape, orderedShapes } from "./canvasDoc";
import { META_KEYS } from "./layout";
import { shapeSchema, type Shape } from "./shape";

/**
 * The edits a canvas document knows, each one transaction tagged with `origin` (the editor's undo
 * tracks its own). The browser's editor store and the server's edits both go through these. A
 * record the schema refuses is never written: the collaboration server would refuse the whole edit.
 */

const isValid = (s: Shape) => shapeSchema.safeParse(s).success;

export function addShapes(d: CanvasDoc, shapes: Shape[], origin: unknown = null): void {
  const valid = shapes.filter(isValid);
  if (!valid.length) return;
  d.doc.transact(() => {
    for (const s of valid) d.shapes.set(s.id, s);
    d.order.push(valid.map((s) => s.id));
  }, origin);
}

export type ShapePatch = Partial<Omit<Shape, "id" | "type" | "v">>;

export function updateShapes(d: CanvasDoc, ids: Iterable<string>, patch: ShapePatch | ((s: Shape) => ShapePatch), origin: unknown = null): void {
  d.doc.transact(() => {
    for (const id of ids) {
      const s = getShape(d, id);
      const next = s && { ...s, ...(typeof patch === "function" ? patch(s) : patch), id, type: s.type, v: s.v };
      if (next && isValid(next)) d.shapes.set(id, next);
    }
  }, origin);
}

export function deleteShapes(d: CanvasDoc, ids: Iterable<string>, origin: unknown = null): void {
  const gone = new Set(ids);
  d.doc.transact(() => {
    for (const id of gone) d.shapes.delete(id);
    const arr = d.order.toArray();
    for (let i = arr.length - 1; i >= 0; i--) if (gone.has(arr[i]!)) d.order.delete(i, 1);
  }, origin);
}

export type ZMove = "front" | "back" | "forward" | "backward";

/** The stacking order after moving `ids` (bottom to top). */
export function reordered(current: string[], ids: ReadonlySet<string>, move: ZMove): string[] {
  if (move === "front") return [...current.filter((id) => !ids.has(id)), ...current.filter((id) => ids.has(id))];
  if (move === "back") return [...current.filter((id) => ids.has(id)), ...current.filter((id) => !ids.has(id))];
  const next = [...current];
  const step = move === "forward" ? 1 : -1;
  const indices = next.map((id, i) => (ids.has(id) ? i : -1)).filter((i) => i >= 0);
  for (const i of step > 0 ? indices.reverse() : indices) {
    const j = i + step;
    if (j < 0 || j >= next.length || ids.has(next[j]!)) continue;
    [next[i], next[j]] = [next[j]!, next[i]!];
  }
  return next;
}

export function reorder(d: CanvasDoc, ids: ReadonlySet<string>, move: ZMove, origin: unknown = null): void {
  const next = reordered(orderedShapes(d).map((s) => s.id), ids, move);
  d.doc.transact(() => {
    d.order.delete(0, d.order.length);
    d.order.push(next);
  }, origin);
}

/**
 * Points an image at a new source that is `scale` times larger (its crop follows, in the new
 * source's pixels), keeping its place, size, rotation and everything else. False when the image is
 * gone or no longer shows `fromSrc` (someone changed it meanwhile).
 */
export function replaceImageSource(d: CanvasDoc, edit: { shapeId: string; fromSrc: string; toSrc: string; scale: number }, origin: unknown = null): boolean {
  const shape = getShape(d, edit.shapeId);
  if (!shape || shape.type !== "image" || shape.src !== edit.fromSrc) return false;
  const k = edit.scale;
  const crop = shape.crop && { x: shape.crop.x * k, y: shape.crop.y * k, width: shape.crop.width * k, height: shape.crop.height * k };
  d.doc.transact(() => d.shapes.set(edit.shapeId, { ...shape, src: edit.toSrc, crop }), origin);
  return true;
}

/** The server's announcement of the canvas's product, which every open editor hears. */
export function announceProduct(d: CanvasDoc, product: { productId: string; variantId: string } | null, origin: unknown = null): void {
  d.doc.transact(() => d.meta.set(META_KEYS.product, product), origin);
}
