import { clampScale, type Camera } from "../../store/geometry";
import type { Point } from "../tool";

/**
 * Two fingers zoom and pan together: the canvas point under the fingers' first centre follows
 * their centre, scaled by how far apart they are now. Only touch pointers count, so a mouse
 * released outside the stage cannot leave a pointer behind. After a pinch, the fingers' remaining
 * events belong to no tool until all are lifted.
 */
export class PinchGesture {
  private readonly pointers = new Map<number, Point>();
  private start: { distance: number; centre: Point; camera: Camera } | null = null;
  private ignoreUntilLifted = false;

  /** A pointer went down; true when this makes a pinch start (the tool's gesture must be cancelled). */
  down(id: number, touch: boolean, at: Point, camera: Camera): boolean {
    if (touch) this.pointers.set(id, at);
    if (this.pointers.size !== 2) return false;
    this.ignoreUntilLifted = true;
    this.start = { ...this.measure(), camera };
    return true;
  }

  /** A pointer moved; the camera to show when it is pinching, else null. */
  move(id: number, at: Point): Camera | null {
    if (this.pointers.has(id)) this.pointers.set(id, at);
    const start = this.start;
    if (!start || this.pointers.size < 2) return null;
    const now = this.measure();
    const scale = clampScale(start.camera.scale * (now.distance / start.distance));
    const wx = (start.centre.x - start.camera.x) / start.camera.scale;
    const wy = (start.centre.y - start.camera.y) / start.camera.scale;
    return { scale, x: now.centre.x - wx * scale, y: now.centre.y - wy * scale };
  }

  /** While true, pointer events belong to the pinch, not to a tool. */
  get claiming(): boolean {
    return this.ignoreUntilLifted;
  }

  /** A pointer went up; true when the event belonged to the pinch (the tool must not see it). */
  up(id: number): boolean {
    this.pointers.delete(id);
    if (this.pointers.size < 2) this.start = null;
    if (!this.ignoreUntilLifted) return false;
    if (this.pointers.size === 0) this.ignoreUntilLifted = false;
    return true;
  }

  /** The browser took a pointer away (a system gesture, a lost touch). */
  cancel(id: number): void {
    this.pointers.delete(id);
    if (this.pointers.size < 2) this.start = null;
    if (this.pointers.size === 0) this.ignoreUntilLifted = false;
  }

  private measure(): { distance: number; centre: Point } {
    const [a, b] = [...this.pointers.values()] as [Point, Point];
    return { distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)), centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } };
  }
}
