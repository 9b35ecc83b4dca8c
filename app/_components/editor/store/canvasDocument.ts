import * as Y from "yjs";
import type { Shape } from "./shapeTypes";

/** Edits made by this user carry this origin, so undo and redo touch only our own edits. */
export const LOCAL = Symbol("local-edit");

/** `target.area`: the print area that shapes added now land on (null on a free artboard). */
export type CanvasDocument = { doc: Y.Doc; shapes: Y.Map<Shape>; order: Y.Array<string>; target: { area: string | null } };

export function canvasDocument(doc: Y.Doc): CanvasDocument {
  return { doc, shapes: doc.getMap<Shape>("shapes"), order: doc.getArray<string>("order"), target: { area: null } };
}

/** Shapes bottom to top; ids in `order` without a shape (or the reverse) are repaired on read. */
export function orderedShapes(d: CanvasDocument): Shape[] {
  const seen = new Set<string>();
  const out: Shape[] = [];
  for (const id of d.order.toArray()) {
    const s = d.shapes.get(id);
    if (s && !seen.has(id)) {
      seen.add(id);
      out.push(s);
    }
  }
  d.shapes.forEach((s, id) => {
    if (!seen.has(id)) out.push(s);
  });
  return out;
}

const edit = (d: CanvasDocument, fn: () => void) => d.doc.transact(fn, LOCAL);

export function addShapes(d: CanvasDocument, shapes: Shape[]): void {
  const area = d.target.area;
  edit(d, () => {
    for (const s of shapes) d.shapes.set(s.id, area ? { ...s, area } : s);
    d.order.push(shapes.map((s) => s.id));
  });
}

export function updateShapes(d: CanvasDocument, ids: Iterable<string>, patch: Partial<Shape> | ((s: Shape) => Partial<Shape>)): void {
  edit(d, () => {
    for (const id of ids) {
      const s = d.shapes.get(id);
      if (s) d.shapes.set(id, { ...s, ...(typeof patch === "function" ? patch(s) : patch), id });
    }
  });
}

export function deleteShapes(d: CanvasDocument, ids: Iterable<string>): void {
  const gone = new Set(ids);
  edit(d, () => {
    for (const id of gone) d.shapes.delete(id);
    const arr = d.order.toArray();
    for (let i = arr.length - 1; i >= 0; i--) if (gone.has(arr[i]!)) d.order.delete(i, 1);
  });
}

export type ZMove = "front" | "back" | "forward" | "backward";

export function reorder(d: CanvasDocument, ids: Set<string>, move: ZMove): void {
  const current = orderedShapes(d).map((s) => s.id);
  let next: string[];
  if (move === "front") next = [...current.filter((id) => !ids.has(id)), ...current.filter((id) => ids.has(id))];
  else if (move === "back") next = [...current.filter((id) => ids.has(id)), ...current.filter((id) => !ids.has(id))];
  else {
    next = [...current];
    const step = move === "forward" ? 1 : -1;
    const indices = next.map((id, i) => (ids.has(id) ? i : -1)).filter((i) => i >= 0);
    for (const i of step > 0 ? indices.reverse() : indices) {
      const j = i + step;
      if (j < 0 || j >= next.length || ids.has(next[j]!)) continue;
      [next[i], next[j]] = [next[j]!, next[i]!];
    }
  }
  edit(d, () => {
    d.order.delete(0, d.order.length);
    d.order.push(next);
  });
}

export function createUndoManager(d: CanvasDocument): Y.UndoManager {
  return new Y.UndoManager([d.shapes, d.order], { trackedOrigins: new Set([LOCAL]), captureTimeout: 400 });
}
