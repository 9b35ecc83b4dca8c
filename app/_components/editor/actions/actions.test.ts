import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { canvasDocument } from "../store/canvasDocument";
import { EditorStore } from "../store/editorStore";
import { makeShape } from "../store/shapeTypes";
import { actionFor, ACTIONS } from "./index";

const stores: EditorStore[] = [];
function editor(readOnly = false) {
  const store = new EditorStore(canvasDocument(new Y.Doc()), readOnly);
  stores.push(store);
  store.setViewport({ width: 1000, height: 800 });
  return store;
}
afterEach(() => stores.splice(0).forEach((s) => s.dispose()));

const run = (id: string, store: EditorStore) => ACTIONS.find((a) => a.id === id)!.run(store);
const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mods }) as KeyboardEvent;

describe("the one list of commands", () => {
  it("has a unique id and a label for every command, and maps shortcuts to them", () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    expect(actionFor(key("d", { ctrlKey: true }), false)?.id).toBe("duplicate");
    expect(actionFor(key("z", { metaKey: true, shiftKey: true }), false)?.id).toBe("redo");
    expect(actionFor(key("r"), false)?.id).toBe("tool.rect");
  });

  it("offers viewers only the commands that change nothing", () => {
    expect(actionFor(key("Delete"), true)).toBeUndefined();
    expect(actionFor(key("r"), true)).toBeUndefined();
    expect(actionFor(key("c", { ctrlKey: true }), true)?.id).toBe("copy");
    expect(actionFor(key("h"), true)?.id).toBe("tool.hand");
  });

  it("duplicate, copy and paste make offset copies with fresh ids and groups, and select them", () => {
    const store = editor();
    const a = makeShape("rect", { x: 0, y: 0 }, { groupId: "g" });
    const b = makeShape("rect", { x: 50, y: 0 }, { groupId: "g" });
    store.addShapes([a, b]);
    store.select([a.id, b.id]);
    run("duplicate", store);
    const copies = store.selectedShapes();
    expect(copies.map((s) => s.x).sort()).toEqual([20, 70]);
    expect(copies[0]!.groupId).toBe(copies[1]!.groupId);
    expect(copies[0]!.groupId).not.toBe("g");
    run("copy", store);
    run("paste", store);
    expect(store.getState().shapes).toHaveLength(6);
    expect(store.selectedShapes().map((s) => s.x).sort()).toEqual([44, 94]);
  });

  it("delete removes the selection except locked shapes; lock and hide toggle; group and ungroup", () => {
    const store = editor();
    const a = makeShape("rect", { x: 0, y: 0 });
    const b = makeShape("rect", { x: 0, y: 0 }, { locked: true });
    store.addShapes([a, b]);
    store.select([a.id, b.id]);
    run("group", store);
    expect(new Set(store.getState().shapes.map((s) => s.groupId)).size).toBe(1);
    run("ungroup", store);
    expect(store.getState().shapes.every((s) => s.groupId === null)).toBe(true);
    run("hide", store);
    expect(store.getState().shapes.every((s) => s.hidden)).toBe(true);
    run("delete", store);
    expect(store.getState().shapes.map((s) => s.id)).toEqual([b.id]);
    store.select([b.id]);
    run("lock", store);
    expect(store.getState().shapes[0]!.locked).toBe(false);
  });

  it("nudges unlocked shapes by 1 or 10, reorders, and selects all but hidden and locked", () => {
    const store = editor();
    const a = makeShape("rect", { x: 0, y: 0 });
    const b = makeShape("rect", { x: 0, y: 0 }, { hidden: true });
    store.addShapes([a, b]);
    run("selectAll", store);
    expect([...store.getState().selection]).toEqual([a.id]);
    run("nudgeRight10", store);
    run("nudgeUp", store);
    expect(store.getState().shapes.find((s) => s.id === a.id)).toMatchObject({ x: 10, y: -1 });
    run("front", store);
    expect(store.getState().shapes.at(-1)!.id).toBe(a.id);
    run("back", store);
    expect(store.getState().shapes[0]!.id).toBe(a.id);
  });

  it("zooms, fits, exports through the stage's exporter and toggles help", () => {
    const store = editor();
    const before = store.camera().scale;
    run("zoomIn", store);
    expect(store.camera().scale).toBeCloseTo(before * 1.25);
    run("zoom100", store);
    expect(store.camera().scale).toBe(1);
    const exporter = vi.fn();
    store.stage.setExporter(exporter);
    run("export1", store);
    expect(exporter).toHaveBeenCalledWith(1);
    run("help", store);
    expect(store.getState().help).toBe(true);
  });
});
