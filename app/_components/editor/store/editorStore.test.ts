import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { canvasDoc, getShape } from "@/domain/document/canvasDoc";
import { addShapes } from "@/domain/document/edits";
import { canvasDocument } from "./canvasDocument";
import { FREE_ARTBOARD as ARTBOARD } from "@/domain/design/artboard";
import { STAGE_CHROME } from "./geometry";
import { EditorStore } from "./editorStore";
import { makeShape } from "./shapeTypes";

const stores: EditorStore[] = [];
function editor(readOnly = false) {
  const store = new EditorStore(canvasDocument(new Y.Doc()), readOnly);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.dispose();
  vi.useRealTimers();
});

describe("EditorStore", () => {
  it("follows the shared document, including a collaborator's edits, and tells subscribers", () => {
    const store = editor();
    const heard = vi.fn();
    store.subscribe(heard);
    const a = makeShape("rect", { x: 0, y: 0 });
    store.addShapes([a]);
    expect(store.getState().shapes.map((s) => s.id)).toEqual([a.id]);
    // A remote update (another Y.Doc) arrives as a plain transaction.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(store.canvas.doc));
    const b = makeShape("ellipse", { x: 5, y: 5 });
    addShapes(canvasDoc(remote), [b]);
    Y.applyUpdate(store.canvas.doc, Y.encodeStateAsUpdate(remote));
    expect(store.getState().shapes.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(heard).toHaveBeenCalled();
  });

  it("drops selected ids when their shapes are deleted by anyone, and ignores a selection that did not change", () => {
    const store = editor();
    const [a, b] = [makeShape("rect", { x: 0, y: 0 }), makeShape("rect", { x: 9, y: 9 })];
    store.addShapes([a, b]);
    store.select([a.id, b.id]);
    const before = store.getState();
    store.select([b.id, a.id]);
    expect(store.getState()).toBe(before);
    store.deleteShapes([a.id]);
    expect([...store.getState().selection]).toEqual([b.id]);
  });

  it("keeps a viewer to the select and hand tools", () => {
    const store = editor(true);
    store.setTool("rect");
    expect(store.getState().tool).toBe("select");
    store.setTool("hand");
    expect(store.getState().tool).toBe("hand");
  });

  it("moves the live view at once and lets React's camera catch up only when the view rests", () => {
    vi.useFakeTimers();
    const store = editor();
    const frames: boolean[] = [];
    store.onView((_, resting) => frames.push(resting));
    store.moveCamera({ x: 10, y: 0, scale: 1 });
    store.moveCamera({ x: 20, y: 0, scale: 1 });
    expect(store.camera()).toEqual({ x: 20, y: 0, scale: 1 });
    expect(store.getState().camera).not.toEqual({ x: 20, y: 0, scale: 1 });
    vi.runAllTimers();
    expect(store.getState().camera).toEqual({ x: 20, y: 0, scale: 1 });
    expect(frames).toEqual([false, false, true]);
  });

  it("fits the artboard on the first real viewport clear of the floating chrome, then zooms about the viewport's centre", () => {
    const store = editor();
    store.setViewport({ width: 1000, height: 800 });
    const fit = store.camera();
    // Centred in what the tool palette (left), the top buttons and the bottom bars leave free.
    const free = { x: STAGE_CHROME.left + (1000 - STAGE_CHROME.left - STAGE_CHROME.right) / 2, y: STAGE_CHROME.top + (800 - STAGE_CHROME.top - STAGE_CHROME.bottom) / 2 };
    const centre = store.screenToWorld(free);
    expect(centre.x).toBeCloseTo(ARTBOARD.width / 2);
    expect(centre.y).toBeCloseTo(ARTBOARD.height / 2);
    expect(fit.x + ARTBOARD.x * fit.scale).toBeGreaterThanOrEqual(STAGE_CHROME.left - 0.001);
    expect(fit.y + ARTBOARD.y * fit.scale).toBeGreaterThanOrEqual(STAGE_CHROME.top - 0.001);
    const before = store.viewportCentre();
    store.zoomBy(2);
    expect(store.camera().scale).toBeCloseTo(fit.scale * 2);
    expect(store.viewportCentre().x).toBeCloseTo(before.x);
    store.zoomTo100();
    expect(store.camera().scale).toBe(1);
  });

  it("undoes only its own edits, one gesture at a time", () => {
    const store = editor();
    const mine = makeShape("rect", { x: 0, y: 0 });
    store.addShapes([mine]);
    store.checkpoint();
    store.canvas.doc.transact(() => store.canvas.shapes.set("theirs", makeShape("rect", { x: 1, y: 1 }, { id: "theirs" })), "remote");
    store.undo();
    expect(store.getState().shapes.map((s) => s.id)).toEqual(["theirs"]);
    store.redo();
    expect(store.getState().shapes).toHaveLength(2);
  });

  it("starts and ends text editing, selecting what was kept", () => {
    const store = editor();
    const text = makeShape("text", { x: 0, y: 0 });
    store.addShapes([text]);
    store.startTextEdit(text.id);
    expect(store.getState().editingText).toMatchObject({ shape: { id: text.id }, isNew: false });
    store.endTextEdit(text.id);
    expect(store.getState().editingText).toBeNull();
    expect([...store.getState().selection]).toEqual([text.id]);
  });
});

describe("a new session's store", () => {
  it("keeps the view of the store it replaces", () => {
    const first = editor();
    first.setViewport({ width: 900, height: 700 });
    first.setCamera({ x: 12, y: 34, scale: 2 });
    const next = new EditorStore(canvasDocument(new Y.Doc()), true, first);
    stores.push(next);
    expect(next.camera()).toEqual({ x: 12, y: 34, scale: 2 });
    next.setViewport({ width: 901, height: 700 });
    expect(next.camera()).toEqual({ x: 12, y: 34, scale: 2 });
  });

  it("on a product, shows one print area's artboard at a time, with its exact aspect ratio, and adds shapes to the one in view", () => {
    const store = editor();
    const older = makeShape("rect", { x: 10, y: 10 });
    store.addShapes([older]);
    const front = { id: "tee-front", name: "Front", widthMm: 304.8, heightMm: 406.4, dpi: 150, safeMarginMm: 12.7, bleedMm: 0 };
    const back = { ...front, id: "tee-back", name: "Back" };
    store.setAreas([front, back]);
    expect(store.getState().area?.id).toBe("tee-front");
    expect(store.getState().artboard.width / store.getState().artboard.height).toBeCloseTo(304.8 / 406.4, 6);
    // A shape from before the product sits on the first area.
    expect(store.getState().shapes.map((s) => s.id)).toEqual([older.id]);
    store.setActiveArea("tee-back");
    expect(store.getState().shapes).toEqual([]);
    const onBack = makeShape("ellipse", { x: 0, y: 0 });
    store.addShapes([onBack]);
    expect(getShape(store.canvas, onBack.id)?.area).toBe("tee-back");
    expect(store.getState().shapes.map((s) => s.id)).toEqual([onBack.id]);
    store.setActiveArea("tee-front");
    expect(store.getState().shapes.map((s) => s.id)).toEqual([older.id]);
    // Another product without a back: everything is on its one area, nothing is lost.
    store.setAreas([{ ...front, id: "mug-wrap", widthMm: 228.6, heightMm: 88.9 }]);
    expect(store.getState().shapes.map((s) => s.id).sort()).toEqual([older.id, onBack.id].sort());
    store.setAreas([]);
    expect(store.getState().artboard).toEqual(ARTBOARD);
    expect(store.getState().shapes).toHaveLength(2);
  });
});
