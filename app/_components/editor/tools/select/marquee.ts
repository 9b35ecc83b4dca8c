import { intersects, normalizeBox, shapeBox } from "../../store/geometry";
import type { Point, PointerInfo, ToolContext } from "../tool";
import type { SelectState } from "./selectState";

/** Pressed on empty canvas: a box selects what it touches (added to the selection with shift). */
export class Marquee implements SelectState {
  readonly name = "marquee";

  private constructor(
    private readonly from: Point,
    private readonly base: ReadonlySet<string>,
  ) {}

  static begin(ctx: ToolContext, p: PointerInfo): Marquee {
    const base = p.shift ? new Set(ctx.selection()) : new Set<string>();
    if (!p.shift) ctx.select([]);
    return new Marquee(p.world, base);
  }

  move(ctx: ToolContext, p: PointerInfo): SelectState {
    const box = normalizeBox(this.from.x, this.from.y, p.world.x, p.world.y);
    ctx.setMarquee(box);
    const hit = ctx.shapes().filter((s) => !s.hidden && !s.locked && intersects(box, shapeBox(s))).map((s) => s.id);
    ctx.select([...new Set([...this.base, ...hit])]);
    return this;
  }

  up(ctx: ToolContext): void {
    ctx.setMarquee(null);
  }

  cancel(ctx: ToolContext): void {
    ctx.setMarquee(null);
  }
}
