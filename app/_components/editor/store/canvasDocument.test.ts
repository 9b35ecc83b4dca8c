import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { addShapes, canvasDocument, createUndoManager, deleteShapes, orderedShapes, reorder, updateShapes } from "./canvasDocument";
import { makeShape } from "./shapeTypes";

describe("canvas document", () => {
  it("keeps z-order, reorders, and deletes", () => {
    const d = canvasDocument(new Y.Doc());
    const [a, b, c] = ["rect", "ellipse", "text"].map((t) => makeShape(t as "rect", { x: 0, y: 0 }));
    addShapes(d, [a!, b!, c!]);
    expect(orderedShapes(d).map((s) => s.id)).toEqual([a!.id, b!.id, c!.id]);
    reorder(d, new Set([a!.id]), "front");
    expect(orderedShapes(d).map((s) => s.id)).toEqual([b!.id, c!.id, a!.id]);
    reorder(d, new Set([a!.id]), "backward");
    expect(orderedShapes(d).map((s) => s.id)).toEqual([b!.id, a!.id, c!.id]);
    deleteShapes(d, [b!.id]);
    expect(orderedShapes(d).map((s) => s.id)).toEqual([a!.id, c!.id]);
  });

  it("undoes only this user's edits", () => {
    const mine = canvasDocument(new Y.Doc());
    const theirs = canvasDocument(new Y.Doc());
    mine.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(theirs.doc, u, "sync"));
    theirs.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(mine.doc, u, "sync"));
    const undo = createUndoManager(mine);
    const s = makeShape("rect", { x: 10, y: 10 });
    addShapes(mine, [s]);
    undo.stopCapturing();
    const t = makeShape("ellipse", { x: 0, y: 0 });
    addShapes(theirs, [t]);
    updateShapes(mine, [s.id], { x: 99 });
    undo.undo();
    expect(mine.shapes.get(s.id)?.x).toBe(10);
    undo.undo();
    expect(mine.shapes.has(s.id)).toBe(false);
    expect(mine.shapes.has(t.id)).toBe(true);
    undo.redo();
    expect(theirs.shapes.get(s.id)?.x).toBe(10);
  });
});
