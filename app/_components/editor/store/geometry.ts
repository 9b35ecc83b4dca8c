import { SHAPE_UTILS } from "../shapes/shapeUtils";
import type { Shape } from "./shapeTypes";

export type Box = { x: number; y: number; width: number; height: number };
export type Camera = { x: number; y: number; scale: number };

/** The axis-aligned box a shape covers (rotation included), by its type's geometry. */
export function shapeBox(s: Shape): Box {
  return SHAPE_UTILS[s.type].bounds(s);
}

/** The topmost visible, unlocked shape under a canvas point, as the shapes' own geometry says. */
export function shapeAt(shapes: Shape[], p: { x: number; y: number }, tolerance: number): Shape | undefined {
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i]!;
    if (!s.hidden && !s.locked && SHAPE_UTILS[s.type].hitTest(s, p, tolerance)) return s;
  }
  return undefined;
}

export function unionBox(boxes: Box[]): Box | null {
  if (!boxes.length) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function normalizeBox(x1: number, y1: number, x2: number, y2: number): Box {
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}

export function screenToWorld(cam: Camera, p: { x: number; y: number }) {
  return { x: (p.x - cam.x) / cam.scale, y: (p.y - cam.y) / cam.scale };
}

/** A camera that shows `box` centred in a viewport, with a margin. */
export type Insets = { top: number; right: number; bottom: number; left: number };

/**
 * What the stage's floating chrome covers, plus air: the tool palette at the left (12 px in, about
 * 44 wide), the buttons along the top, the zoom and selection bars along the bottom.
 */
export const STAGE_CHROME: Insets = { top: 56, right: 28, bottom: 64, left: 72 };

/** The camera that shows `box` whole and centred in what the chrome leaves of the viewport. */
export function fitCamera(box: Box, viewport: { width: number; height: number }, insets: Insets = STAGE_CHROME): Camera {
  // A viewport too small for the chrome (a test's, a tiny window) keeps at least half of itself.
  const free = { width: Math.max(viewport.width - insets.left - insets.right, viewport.width / 2), height: Math.max(viewport.height - insets.top - insets.bottom, viewport.height / 2) };
  const left = Math.min(insets.left, viewport.width - free.width);
  const top = Math.min(insets.top, viewport.height - free.height);
  const scale = Math.min(free.width / Math.max(box.width, 1), free.height / Math.max(box.height, 1), 8);
  return { scale, x: left + free.width / 2 - (box.x + box.width / 2) * scale, y: top + free.height / 2 - (box.y + box.height / 2) * scale };
}

/** The closest and farthest the camera goes: every zoom (wheel, pinch, buttons) is clamped here. */
export const ZOOM_LIMITS = { min: 0.05, max: 16 } as const;

export function clampScale(scale: number): number {
  return Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, scale));
}

export function zoomAt(cam: Camera, screen: { x: number; y: number }, factor: number): Camera {
  const scale = clampScale(cam.scale * factor);
  const world = screenToWorld(cam, screen);
  return { scale, x: screen.x - world.x * scale, y: screen.y - world.y * scale };
}
