import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canvasDocument } from "../store/canvasDocument";
import { EditorStore } from "../store/editorStore";
import { makeShape } from "../store/shapeTypes";
import { createTools } from "./index";
import { SelectTool } from "./select/selectTool";
import type { PointerInfo } from "./tool";

const stores: EditorStore[] = [];
function editor() {
  const store = new EditorStore(canvasDocument(new Y.Doc()), false);
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((s) => s.dispose()));

const at = (x: number, y: number, extra: Partial<PointerInfo> = {}): PointerInfo => ({ world: { x, y }, screen: { x, y }, shift: false, targetId: null, ...extra });

describe("tools, without React or a DOM", () => {
  it("rectangle: press, drag, release places it and goes back to select; shift makes a square", () => {
    const store = editor();
    const { rect } = createTools();
    store.setTool("rect");
    rect.down(store, at(10, 10));
    rect.move(store, at(110, 60, { shift: true }));
    expect(store.getState().draft).toMatchObject({ type: "rect", width: 100, height: 100 });
    rect.up(store, at(110, 60));
    const [placed] = store.getState().shapes;
    expect(placed).toMatchObject({ type: "rect", x: 10, y: 10, width: 100, height: 100 });
    expect(store.getState()).toMatchObject({ draft: null, tool: "select" });
    expect([...store.getState().selection]).toEqual([placed!.id]);
  });

  it("ellipse: a click places a default-sized one centred on the click", () => {
    const store = editor();
    const { ellipse } = createTools();
    ellipse.down(store, at(300, 200));
    ellipse.up(store, at(300, 200));
    expect(store.getState().shapes[0]).toMatchObject({ type: "ellipse", x: 300, y: 200, width: 160, height: 120 });
  });

  it("line snaps to 45° with shift; a too-short line is dropped; cancel writes nothing", () => {
    const store = editor();
    const { line, draw } = createTools();
    line.down(store, at(0, 0));
    line.move(store, at(100, 90, { shift: true }));
    line.up(store, at(100, 90));
    const pts = store.getState().shapes[0]!.points!;
    expect(pts[2]).toBeCloseTo(pts[3]!);
    line.down(store, at(0, 0));
    line.move(store, at(1, 1));
    line.up(store, at(1, 1));
    draw.down(store, at(0, 0));
    draw.move(store, at(50, 50));
    draw.cancel(store);
    expect(store.getState().shapes).toHaveLength(1);
    expect(store.getState().draft).toBeNull();
  });

  it("free draw keeps every point a little apart from the last, and stays on the draw tool", () => {
    const store = editor();
    const { draw } = createTools();
    store.setTool("draw");
    draw.down(store, at(0, 0));
    for (const [x, y] of [[0.5, 0.5], [10, 0], [20, 5]]) draw.move(store, at(x!, y!));
    draw.up(store, at(20, 5));
    expect(store.getState().shapes[0]!.points).toEqual([0, 0, 10, 0, 20, 5]);
    expect(store.getState().tool).toBe("draw");
  });

  it("select: a click picks a shape (its group whole), shift toggles, a drag on empty canvas selects by marquee", () => {
    const store = editor();
    const { select } = createTools();
    const a = makeShape("rect", { x: 0, y: 0 }, { width: 50, height: 50, groupId: "g" });
    const b = makeShape("rect", { x: 60, y: 0 }, { width: 50, height: 50, groupId: "g" });
    const c = makeShape("rect", { x: 300, y: 300 }, { width: 50, height: 50 });
    store.addShapes([a, b, c]);
    select.down(store, at(10, 10, { targetId: a.id }));
    expect([...store.getState().selection].sort()).toEqual([a.id, b.id].sort());
    select.down(store, at(310, 310, { targetId: c.id, shift: true }));
    expect(store.getState().selection.size).toBe(3);
    select.down(store, at(250, 250));
    select.move(store, at(400, 400));
    expect(store.getState().marquee).toEqual({ x: 250, y: 250, width: 150, height: 150 });
    expect([...store.getState().selection]).toEqual([c.id]);
    select.up(store, at(400, 400));
    expect(store.getState().marquee).toBeNull();
  });

  it("select: a press on a shape is pointing; past the threshold it translates the selection, shown ahead and written once on release", () => {
    const store = editor();
    const select = new SelectTool();
    const a = makeShape("rect", { x: 0, y: 0 }, { width: 50, height: 50 });
    const b = makeShape("rect", { x: 100, y: 0 }, { width: 50, height: 50 });
    const far = makeShape("rect", { x: 600, y: 600 }, { width: 10, height: 10 });
    store.addShapes([a, b, far]);
    store.select([a.id, b.id]);
    const previews: (ReadonlyMap<string, { x: number; y: number }> | null)[] = [];
    store.stage.onPreview((p) => previews.push(p));
    let writes = 0;
    store.canvas.doc.on("update", () => writes++);
    select.down(store, at(10, 10, { targetId: a.id }));
    expect(select.stateName).toBe("pointing");
    select.move(store, at(12, 11, { targetId: a.id })); // a click's wobble: still pointing
    expect(select.stateName).toBe("pointing");
    select.move(store, at(40, 45, { targetId: a.id }));
    expect(select.stateName).toBe("translating");
    expect(previews.at(-1)).toEqual(new Map([[a.id, { x: 30, y: 35 }], [b.id, { x: 130, y: 35 }]]));
    expect(writes).toBe(0);
    select.up(store, at(40, 45));
    expect(select.stateName).toBe("idle");
    expect(writes).toBe(1);
    expect(store.getState().shapes.map((s) => [s.x, s.y])).toEqual([[30, 35], [130, 35], [600, 600]]);
    expect(previews.at(-1)).toBeNull();
    // One undo step takes the whole drag back.
    store.checkpoint();
    store.undo();
    expect(store.getState().shapes.map((s) => [s.x, s.y])).toEqual([[0, 0], [100, 0], [600, 600]]);
  });

  it("select: a drag dropped midway (a second finger) writes nothing; viewers and resizing do not translate", () => {
    const store = editor();
    const select = new SelectTool();
    const a = makeShape("rect", { x: 0, y: 0 }, { width: 50, height: 50 });
    store.addShapes([a]);
    let writes = 0;
    store.canvas.doc.on("update", () => writes++);
    select.down(store, at(10, 10, { targetId: a.id }));
    select.move(store, at(60, 60, { targetId: a.id }));
    select.cancel(store);
    select.up(store, at(60, 60));
    expect(writes).toBe(0);
    expect(store.getState().shapes[0]).toMatchObject({ x: 0, y: 0 });

    select.grabHandle(store);
    expect(select.stateName).toBe("resizing");
    select.move(store, at(90, 90));
    expect(select.stateName).toBe("resizing");
    expect(store.getState().marquee).toBeNull();
    select.up(store, at(90, 90));
    expect(select.stateName).toBe("idle");

    const viewer = new EditorStore(store.canvas, true);
    stores.push(viewer);
    select.down(viewer, at(10, 10, { targetId: a.id }));
    select.move(viewer, at(80, 80, { targetId: a.id }));
    expect(select.stateName).toBe("pointing");
    select.up(viewer, at(80, 80));
    expect(writes).toBe(0);
  });

  it("select: finds the shape under the pointer by its geometry when the hit canvas gave no target", () => {
    const store = editor();
    const { select } = createTools();
    const c = makeShape("ellipse", { x: 100, y: 100 }, { width: 80, height: 80 });
    store.addShapes([c]);
    select.down(store, at(120, 100));
    expect([...store.getState().selection]).toEqual([c.id]);
    select.down(store, at(139, 139)); // outside the circle, inside its box
    expect(store.getState().selection.size).toBe(0);
  });

  it("hand: drags the live camera by what the pointer moved", () => {
    const store = editor();
    const { hand } = createTools();
    store.setCamera({ x: 0, y: 0, scale: 1 });
    hand.down(store, at(100, 100));
    hand.move(store, at(130, 90));
    expect(store.camera()).toEqual({ x: 30, y: -10, scale: 1 });
    hand.up(store, at(130, 90));
    hand.move(store, at(200, 200));
    expect(store.camera()).toEqual({ x: 30, y: -10, scale: 1 });
  });

  it("text: a click opens an empty new text box for typing and goes back to select", () => {
    const store = editor();
    const { text } = createTools();
    store.setTool("text");
    text.up(store, at(50, 80));
    expect(store.getState().editingText).toMatchObject({ isNew: true, shape: { type: "text", text: "", x: 50, y: 56 } });
    expect(store.getState().tool).toBe("select");
    expect(store.getState().shapes).toHaveLength(0);
  });

  it("text: new text reads on the product's colour, dark on light garments and white on dark or saturated ones", () => {
    const { text } = createTools();
    const fillOn = (backdrop: string) => {
      const store = editor();
      store.setBackdrop(backdrop);
      text.up(store, at(50, 80));
      return store.getState().editingText?.shape.fill;
    };
    expect(fillOn("#ffffff")).toBe("#212529");
    expect(fillOn("#f1e9d2")).toBe("#212529"); // natural canvas tote
    expect(fillOn("#111111")).toBe("#ffffff");
    expect(fillOn("#1f2a44")).toBe("#ffffff"); // navy
    expect(fillOn("#c92a2a")).toBe("#ffffff"); // red
  });
});
