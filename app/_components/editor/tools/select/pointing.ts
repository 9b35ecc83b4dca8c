import { shapeAt } from "../../store/geometry";
import type { PointerInfo, ToolContext } from "../tool";
import type { SelectState } from "./selectState";
import { Translating } from "./translating";

/** Screen pixels the pointer moves before a press on a shape becomes a drag (a click may wobble). */
const DRAG_THRESHOLD = 3;

/** Pressed on a shape: it is selected (its group whole; shift toggles); moving far enough drags the selection. */
export class Pointing implements SelectState {
  readonly name = "pointing";

  private constructor(
    private readonly grabbedId: string,
    private readonly from: PointerInfo,
  ) {}

  /** Picks the shape under the pointer, or null on empty canvas. */
  static onShape(ctx: ToolContext, p: PointerInfo): Pointing | null {
    // A locked shape is picked only from the layers panel: on the canvas it is like empty space.
    // Konva's hit canvas is not redrawn while the view moves: the shapes' own geometry answers then.
    const shape = p.targetId ? ctx.shapes().find((s) => s.id === p.targetId && !s.locked) : shapeAt(ctx.shapes(), p.world, 4 / ctx.camera().scale);
    if (!shape) return null;
    const sel = ctx.selection();
    const ids = shape.groupId ? ctx.shapes().filter((s) => s.groupId === shape.groupId).map((s) => s.id) : [shape.id];
    if (p.shift) ctx.select(sel.has(shape.id) ? [...sel].filter((id) => !ids.includes(id)) : [...sel, ...ids]);
    else if (!sel.has(shape.id)) ctx.select(ids);
    return new Pointing(shape.id, p);
  }

  move(ctx: ToolContext, p: PointerInfo): SelectState {
    const far = Math.hypot(p.screen.x - this.from.screen.x, p.screen.y - this.from.screen.y) > DRAG_THRESHOLD;
    // Shift-clicking a shape out of the selection does not drag it; viewers move nothing.
    if (!far || ctx.readOnly || !ctx.selection().has(this.grabbedId)) return this;
    return Translating.begin(ctx, this.grabbedId, this.from.world)?.move(ctx, p) ?? this;
  }

  up(): void {}

  cancel(): void {}
}
