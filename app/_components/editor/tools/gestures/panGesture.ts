import type { Camera } from "../../store/geometry";
import type { Point } from "../tool";

/** Space + drag or the middle button: the canvas follows the pointer. */
export class PanGesture {
  private last: Point | null = null;

  get active(): boolean {
    return this.last !== null;
  }

  start(screen: Point): void {
    this.last = screen;
  }

  move(camera: Camera, screen: Point): Camera | null {
    if (!this.last) return null;
    const next = { ...camera, x: camera.x + screen.x - this.last.x, y: camera.y + screen.y - this.last.y };
    this.last = screen;
    return next;
  }

  end(): void {
    this.last = null;
  }
}
