import { DragGesture } from "../gestures/dragGesture";
import type { Point, PointerInfo, ToolContext } from "../tool";
import type { SelectState } from "./selectState";

/**
 * Dragging the selection: the DOM-free DragGesture decides what moves and how it snaps; the stage
 * shows the positions while the pointer moves, and the document is written once, on release.
 */
export class Translating implements SelectState {
  readonly name = "translating";
  private positions: Map<string, Point> | null = null;

  private constructor(
    private readonly gesture: DragGesture,
    private readonly grabbedAt: Point,
    private readonly from: Point,
  ) {}

  static begin(ctx: ToolContext, grabbedId: string, from: Point): Translating | null {
    const gesture = DragGesture.begin(grabbedId, ctx.shapes(), ctx.selection(), ctx.artboard());
    const grabbed = ctx.shapes().find((s) => s.id === grabbedId);
    return gesture && grabbed ? new Translating(gesture, { x: grabbed.x, y: grabbed.y }, from) : null;
  }

  move(ctx: ToolContext, p: PointerInfo): SelectState {
    const at = { x: this.grabbedAt.x + p.world.x - this.from.x, y: this.grabbedAt.y + p.world.y - this.from.y };
    const frame = this.gesture.move(at, 6 / ctx.camera().scale);
    this.positions = frame.positions;
    ctx.setGuides(frame.guides);
    ctx.previewPositions(frame.positions);
    return this;
  }

  up(ctx: ToolContext): void {
    const moved = this.positions;
    ctx.setGuides([]);
    if (moved) ctx.updateShapes(moved.keys(), (s) => moved.get(s.id) ?? {});
    ctx.previewPositions(null);
  }

  cancel(ctx: ToolContext): void {
    ctx.setGuides([]);
    ctx.previewPositions(null);
  }
}
