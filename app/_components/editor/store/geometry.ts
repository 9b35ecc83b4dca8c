import type { Shape } from "./shapeTypes";

export type Box = { x: number; y: number; width: number; height: number };
export type Camera = { x: number; y: number; scale: number };

/** The axis-aligned box a shape covers (rotation included). */
export function shapeBox(s: Shape): Box {
  if (s.points && (s.type === "line" || s.type === "arrow" || s.type === "draw")) {
    const xs = s.points.filter((_, i) => i % 2 === 0);
    const ys = s.points.filter((_, i) => i % 2 === 1);
    const pad = s.strokeWidth / 2;
    return { x: s.x + Math.min(...xs) - pad, y: s.y + Math.min(...ys) - pad, width: Math.max(...xs) - Math.min(...xs) + 2 * pad, height: Math.max(...ys) - Math.min(...ys) + 2 * pad };
  }
  const w = s.width;
  const h = s.height;
  if (!s.rotation) return s.type === "ellipse" ? { x: s.x - w / 2, y: s.y - h / 2, width: w, height: h } : { x: s.x, y: s.y, width: w, height: h };
  const r = (s.rotation * Math.PI) / 180;
  const [ox, oy] = s.type === "ellipse" ? [-w / 2, -h / 2] : [0, 0];
  const corners = [
    [ox, oy],
    [ox + w, oy],
    [ox, oy + h],
    [ox + w, oy + h],
  ].map(([cx, cy]) => [s.x + cx! * Math.cos(r) - cy! * Math.sin(r), s.y + cx! * Math.sin(r) + cy! * Math.cos(r)]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
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
export function fitCamera(box: Box, viewport: { width: number; height: number }, margin = 48): Camera {
  const scale = Math.min((viewport.width - 2 * margin) / Math.max(box.width, 1), (viewport.height - 2 * margin) / Math.max(box.height, 1), 8);
  return { scale, x: viewport.width / 2 - (box.x + box.width / 2) * scale, y: viewport.height / 2 - (box.y + box.height / 2) * scale };
}

export function zoomAt(cam: Camera, screen: { x: number; y: number }, factor: number): Camera {
  const scale = Math.min(16, Math.max(0.05, cam.scale * factor));
  const world = screenToWorld(cam, screen);
  return { scale, x: screen.x - world.x * scale, y: screen.y - world.y * scale };
}
