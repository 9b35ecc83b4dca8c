import { shapeBox, unionBox, type Box } from "../../store/geometry";
import type { Shape } from "../../store/shapeTypes";
import { snapBox, type Guide } from "../../store/snapping";
import type { Point } from "../tool";

export type DragFrame = { positions: Map<string, Point>; guides: Guide[] };

/**
 * Moving shapes by dragging one of them: the whole selection moves when the grabbed shape is in it
 * (locked ones stay), else just that shape. The moving group's box snaps its edges and centre to
 * the other visible shapes and the artboard.
 */
export class DragGesture {
  private readonly start: Map<string, Point>;
  private readonly box: Box;

  private constructor(
    private readonly grabbed: string,
    moving: Shape[],
    private readonly others: Box[],
  ) {
    this.start = new Map(moving.map((s) => [s.id, { x: s.x, y: s.y }]));
    this.box = unionBox(moving.map(shapeBox))!;
  }

  /** What moves when `grabbedId` is dragged, given the shapes and the selection; null when nothing can. */
  static begin(grabbedId: string, shapes: Shape[], selection: ReadonlySet<string>, artboard: Box): DragGesture | null {
    const moving = selection.has(grabbedId) ? shapes.filter((s) => selection.has(s.id) && !s.locked) : shapes.filter((s) => s.id === grabbedId);
    if (!moving.some((s) => s.id === grabbedId)) return null;
    const ids = new Set(moving.map((s) => s.id));
    const others = [...shapes.filter((s) => !ids.has(s.id) && !s.hidden).map(shapeBox), artboard];
    return new DragGesture(grabbedId, moving, others);
  }

  ids(): string[] {
    return [...this.start.keys()];
  }

  /** Where everything is once the grabbed shape is at `at` (snapped within `tolerance` canvas units). */
  move(at: Point, tolerance: number): DragFrame {
    const origin = this.start.get(this.grabbed)!;
    let dx = at.x - origin.x;
    let dy = at.y - origin.y;
    const snap = snapBox({ ...this.box, x: this.box.x + dx, y: this.box.y + dy }, this.others, tolerance);
    dx += snap.dx;
    dy += snap.dy;
    const positions = new Map([...this.start].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
    return { positions, guides: snap.guides };
  }
}
