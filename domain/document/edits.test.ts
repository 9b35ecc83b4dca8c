import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { shapeRecord } from "@/test/designShapes";
import { canvasDoc, getShape, orderedShapes } from "./canvasDoc";
import { addShapes, deleteShapes, reorder, replaceImageSource, updateShapes } from "./edits";
import { SHAPE_VERSION } from "./shape";

const ASSET = "/api/assets/0a1b2c3d-0000-4000-8000-000000000001";
const OTHER = "/api/assets/0a1b2c3d-0000-4000-8000-000000000002";

const shape = shapeRecord;

describe("document edits", () => {
  it("keeps z-order, reorders, and deletes", () => {
    const d = canvasDoc(new Y.Doc());
    addShapes(d, [shape("a"), shape("b"), shape("c")]);
    const ids = () => orderedShapes(d).map((s) => s.id);
    expect(ids()).toEqual(["a", "b", "c"]);
    reorder(d, new Set(["a"]), "front");
    expect(ids()).toEqual(["b", "c", "a"]);
    reorder(d, new Set(["a"]), "backward");
    expect(ids()).toEqual(["b", "a", "c"]);
    reorder(d, new Set(["c"]), "back");
    expect(ids()).toEqual(["c", "b", "a"]);
    deleteShapes(d, ["b"]);
    expect(ids()).toEqual(["c", "a"]);
  });

  it("patches a record whole, keeping its id, type and version", () => {
    const d = canvasDoc(new Y.Doc());
    addShapes(d, [shape("a")]);
    updateShapes(d, ["a", "gone"], (s) => ({ x: s.x + 5, ...({ id: "b", type: "text" } as object) }));
    expect(getShape(d, "a")).toMatchObject({ id: "a", type: "rect", v: SHAPE_VERSION, x: 5 });
    expect(d.shapes.has("gone")).toBe(false);
  });

  it("never writes a record the schema refuses", () => {
    const d = canvasDoc(new Y.Doc());
    addShapes(d, [shape("ok"), shape("long", { name: "x".repeat(5000) })]);
    expect(orderedShapes(d).map((s) => s.id)).toEqual(["ok"]);
    expect(d.order.toArray()).toEqual(["ok"]);
    updateShapes(d, ["ok"], { opacity: 3 });
    expect(getShape(d, "ok")?.opacity).toBe(1);
  });

  it("reads stored values that are not valid records as absent, and ids in order without a shape are skipped", () => {
    const d = canvasDoc(new Y.Doc());
    addShapes(d, [shape("a")]);
    d.doc.transact(() => {
      d.shapes.set("bad", { ...shape("bad"), x: "12" });
      d.shapes.set("nested", new Y.Map());
      d.shapes.set("elsewhere", shape("other-id"));
      d.order.push(["bad", "nested", "ghost", "a"]);
    });
    expect(orderedShapes(d).map((s) => s.id)).toEqual(["a"]);
  });

  it("points an image at a larger source with its crop scaled, only while it still shows the old one", () => {
    const d = canvasDoc(new Y.Doc());
    addShapes(d, [shape("img", { type: "image", src: ASSET, crop: { x: 1, y: 2, width: 3, height: 4 } })]);
    expect(replaceImageSource(d, { shapeId: "img", fromSrc: OTHER, toSrc: ASSET, scale: 4 })).toBe(false);
    expect(replaceImageSource(d, { shapeId: "img", fromSrc: ASSET, toSrc: OTHER, scale: 4 })).toBe(true);
    expect(getShape(d, "img")).toMatchObject({ src: OTHER, crop: { x: 4, y: 8, width: 12, height: 16 }, width: 10 });
  });

  it("tags each edit with its origin, so one user's undo touches only their edits", () => {
    const mine = canvasDoc(new Y.Doc());
    const theirs = canvasDoc(new Y.Doc());
    mine.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(theirs.doc, u, "sync"));
    theirs.doc.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(mine.doc, u, "sync"));
    const LOCAL = Symbol("local");
    const undo = new Y.UndoManager([mine.shapes, mine.order], { trackedOrigins: new Set([LOCAL]) });
    addShapes(mine, [shape("s", { x: 10 })], LOCAL);
    undo.stopCapturing();
    addShapes(theirs, [shape("t")]);
    updateShapes(mine, ["s"], { x: 99 }, LOCAL);
    undo.undo();
    expect(getShape(mine, "s")?.x).toBe(10);
    undo.undo();
    expect(mine.shapes.has("s")).toBe(false);
    expect(mine.shapes.has("t")).toBe(true);
    undo.redo();
    expect(getShape(theirs, "s")?.x).toBe(10);
  });
});
