import * as Y from "yjs";
import { canvasDoc, type CanvasDoc } from "@/domain/document/canvasDoc";

/** Edits made by this user carry this origin, so undo and redo touch only our own edits. */
export const LOCAL = Symbol("local-edit");

/**
 * The editor's handle on the shared document. Only the editor store writes through it (its
 * `addShapes`, `updateShapes`, `deleteShapes` and `reorder`); everything else reads.
 * `target.area`: the print area that shapes added now land on (null on a free artboard).
 */
export type CanvasDocument = CanvasDoc & { target: { area: string | null } };

export function canvasDocument(doc: Y.Doc): CanvasDocument {
  return { ...canvasDoc(doc), target: { area: null } };
}

export function createUndoManager(d: CanvasDocument): Y.UndoManager {
  return new Y.UndoManager([d.shapes, d.order], { trackedOrigins: new Set([LOCAL]), captureTimeout: 400 });
}
