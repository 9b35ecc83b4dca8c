import * as Y from "yjs";
import { DOC_ROOTS, META_KEYS } from "./layout";
import { parseShapeRecord } from "./migrations";
import type { Shape } from "./shape";

/** The shared types of one canvas document. */
export type CanvasDoc = { doc: Y.Doc; shapes: Y.Map<unknown>; order: Y.Array<string>; meta: Y.Map<unknown> };

export function canvasDoc(doc: Y.Doc): CanvasDoc {
  return { doc, shapes: doc.getMap(DOC_ROOTS.shapes), order: doc.getArray(DOC_ROOTS.order), meta: doc.getMap(DOC_ROOTS.meta) };
}

/**
 * Stored values read as shapes, migrated to this version. A value that is not a valid record
 * (written before records were checked, or by a broken client) reads as absent: nothing draws or
 * prints what the schema does not describe. Values are immutable in Yjs (an edit stores a new one),
 * so each is parsed once.
 */
const parsed = new WeakMap<object, Shape | null>();

export function readShape(value: unknown): Shape | null {
  if (value === null || typeof value !== "object") return null;
  let shape = parsed.get(value);
  if (shape === undefined) {
    const result = parseShapeRecord(value);
    shape = result.ok ? result.shape : null;
    parsed.set(value, shape);
  }
  return shape;
}

export function getShape(d: CanvasDoc, id: string): Shape | null {
  const shape = readShape(d.shapes.get(id));
  return shape && shape.id === id ? shape : null;
}

/** Shapes bottom to top: the order array first, then any shape it misses; ids without a shape are skipped. */
export function orderedShapes(d: CanvasDoc): Shape[] {
  const seen = new Set<string>();
  const out: Shape[] = [];
  for (const id of d.order.toArray()) {
    const s = seen.has(id) ? null : getShape(d, id);
    if (s) out.push(s), seen.add(id);
  }
  d.shapes.forEach((_, id) => {
    const s = seen.has(id) ? null : getShape(d, id);
    if (s) out.push(s), seen.add(id);
  });
  return out;
}

/** The canvas's product as the server last announced it (a signal; the database row is the truth). */
export function announcedProduct(d: CanvasDoc): unknown {
  return d.meta.get(META_KEYS.product);
}
