import { zoomAt, type Camera } from "../../store/geometry";
import type { Point } from "../tool";

export type WheelInput = { deltaX: number; deltaY: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

/**
 * The camera after one wheel event: with ⌘/Ctrl (and trackpad pinches, which browsers report as
 * Ctrl + wheel) it zooms at the pointer; otherwise it scrolls the view, sideways with Shift.
 */
export function wheelCamera(camera: Camera, pointer: Point, e: WheelInput): Camera {
  if (e.ctrlKey || e.metaKey) return zoomAt(camera, pointer, Math.exp(-e.deltaY * 0.01));
  const dx = e.shiftKey ? e.deltaY : e.deltaX;
  const dy = e.shiftKey ? 0 : e.deltaY;
  return { ...camera, x: camera.x - dx, y: camera.y - dy };
}
