import { describe, expect, it } from "vitest";
import { makeShape } from "../../store/shapeTypes";
import { DragGesture } from "./dragGesture";
import { PanGesture } from "./panGesture";
import { PinchGesture } from "./pinchGesture";
import { snapResizeOnScreen, transformPatch } from "./resizeGesture";
import { wheelCamera } from "./wheelGesture";

const ARTBOARD = { x: 0, y: 0, width: 1200, height: 1200 };

describe("pinch", () => {
  it("zooms about the fingers' first centre and follows it as it moves; mice never pinch", () => {
    const g = new PinchGesture();
    const cam = { x: 0, y: 0, scale: 1 };
    expect(g.down(1, false, { x: 0, y: 0 }, cam)).toBe(false);
    expect(g.down(2, true, { x: 100, y: 100 }, cam)).toBe(false);
    expect(g.down(3, true, { x: 200, y: 100 }, cam)).toBe(true);
    const next = g.move(3, { x: 300, y: 100 })!;
    expect(next.scale).toBeCloseTo(2);
    // The canvas point that was under the first centre (150, 100) is under the new centre (200, 100).
    expect((200 - next.x) / next.scale).toBeCloseTo(150);
    expect(g.claiming).toBe(true);
    expect(g.up(3)).toBe(true);
    expect(g.move(2, { x: 120, y: 120 })).toBeNull();
    expect(g.up(2)).toBe(true);
    expect(g.claiming).toBe(false);
  });

  it("clamps the zoom to the editor's limits", () => {
    const g = new PinchGesture();
    g.down(1, true, { x: 0, y: 0 }, { x: 0, y: 0, scale: 1 });
    g.down(2, true, { x: 1, y: 0 }, { x: 0, y: 0, scale: 1 });
    expect(g.move(2, { x: 5000, y: 0 })!.scale).toBe(16);
  });
});

describe("wheel and pan", () => {
  it("the wheel scrolls, shift scrolls sideways, ctrl or ⌘ zooms at the pointer", () => {
    const cam = { x: 0, y: 0, scale: 1 };
    const none = { ctrlKey: false, metaKey: false, shiftKey: false };
    expect(wheelCamera(cam, { x: 0, y: 0 }, { ...none, deltaX: 0, deltaY: 200 })).toEqual({ x: 0, y: -200, scale: 1 });
    expect(wheelCamera(cam, { x: 0, y: 0 }, { ...none, shiftKey: true, deltaX: 0, deltaY: 50 })).toEqual({ x: -50, y: 0, scale: 1 });
    const zoomed = wheelCamera(cam, { x: 100, y: 100 }, { ...none, ctrlKey: true, deltaX: 0, deltaY: -100 });
    expect(zoomed.scale).toBeGreaterThan(1);
    expect((100 - zoomed.x) / zoomed.scale).toBeCloseTo(100);
  });

  it("pan moves the camera by the pointer's motion until it ends", () => {
    const p = new PanGesture();
    expect(p.move({ x: 0, y: 0, scale: 1 }, { x: 5, y: 5 })).toBeNull();
    p.start({ x: 10, y: 10 });
    expect(p.move({ x: 0, y: 0, scale: 2 }, { x: 25, y: 5 })).toEqual({ x: 15, y: -5, scale: 2 });
    p.end();
    expect(p.active).toBe(false);
  });
});

describe("drag", () => {
  const a = makeShape("rect", { x: 100, y: 100 }, { width: 50, height: 50 });
  const b = makeShape("rect", { x: 200, y: 100 }, { width: 50, height: 50 });
  const locked = makeShape("rect", { x: 400, y: 400 }, { width: 50, height: 50, locked: true });
  const far = makeShape("rect", { x: 700, y: 700 }, { width: 50, height: 50 });

  it("moves the whole selection but its locked shapes, or just the grabbed one when it is not selected", () => {
    const shapes = [a, b, locked, far];
    const selected = DragGesture.begin(a.id, shapes, new Set([a.id, b.id, locked.id]), ARTBOARD)!;
    expect(selected.ids().sort()).toEqual([a.id, b.id].sort());
    const frame = selected.move({ x: 133, y: 127 }, 0);
    expect(frame.positions.get(b.id)).toEqual({ x: 233, y: 127 });
    expect(DragGesture.begin(far.id, shapes, new Set([a.id]), ARTBOARD)!.ids()).toEqual([far.id]);
  });

  it("snaps the moving box's edges to other shapes and says where the guide is", () => {
    const g = DragGesture.begin(a.id, [a, far], new Set(), ARTBOARD)!;
    const frame = g.move({ x: 697, y: 300 }, 6);
    expect(frame.positions.get(a.id)!.x).toBe(700);
    expect(frame.guides).toContainEqual({ axis: "x", at: 700 });
  });
});

describe("resize", () => {
  it("snaps a moving edge in canvas units through the camera, and leaves rotated boxes alone", () => {
    const cam = { x: 10, y: 20, scale: 2 };
    const before = { x: 10, y: 20, width: 100, height: 100, rotation: 0 };
    const after = { x: 10, y: 20, width: 395, height: 100, rotation: 0 };
    const { box, guides } = snapResizeOnScreen(before, after, cam, [{ x: 200, y: 500, width: 10, height: 10 }]);
    expect(box.width).toBe(400); // right edge at canvas 200
    expect(guides).toEqual([{ axis: "x", at: 200 }]);
    expect(snapResizeOnScreen(before, { ...after, rotation: 30 }, cam, []).box).toEqual({ ...after, rotation: 30 });
  });

  it("folds the transformer's scale into sizes: boxes grow, text scales its font, paths their points", () => {
    const t = { x: 1, y: 2, rotation: 0, scaleX: 2, scaleY: 0.5 };
    expect(transformPatch(makeShape("rect", { x: 0, y: 0 }, { width: 10, height: 10 }), t)).toMatchObject({ x: 1, y: 2, width: 20, height: 5 });
    expect(transformPatch(makeShape("text", { x: 0, y: 0 }, { width: 100, fontSize: 40 }), t)).toMatchObject({ width: 200, fontSize: 20 });
    expect(transformPatch(makeShape("line", { x: 0, y: 0 }, { points: [0, 0, 10, 10] }), t).points).toEqual([0, 0, 20, 5]);
  });

  it("keeps new text's auto width through a corner drag, and fixes the width a side handle sets", () => {
    const text = makeShape("text", { x: 0, y: 0 }, { width: 100, fontSize: 40 });
    expect(text.autoWidth).toBe(true);
    expect(transformPatch(text, { x: 0, y: 0, rotation: 0, scaleX: 1.5, scaleY: 1.5 })).not.toHaveProperty("autoWidth");
    expect(transformPatch(text, { x: 0, y: 0, rotation: 0, scaleX: 0.6, scaleY: 1 })).toMatchObject({ width: 60, fontSize: 40, autoWidth: false });
  });
});
