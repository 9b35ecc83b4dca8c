import { intersects, normalizeBox, shapeAt, shapeBox } from "../store/geometry";
import type { PointerInfo, Point, Tool, ToolContext } from "./tool";

/** idle → (on empty canvas) marquee → idle. Moving shapes is Konva's drag, handled by the stage. */
export class SelectTool implements Tool {
  readonly cursor = "default";
  private marqueeFrom: Point | null = null;
  private base = new Set<string>();

  down(ctx: ToolContext, p: PointerInfo): void {
    ctx.checkpoint();
    // A locked shape is picked only from the layers panel: on the canvas it is like empty space.
    // Konva's hit canvas is not redrawn while the view moves: the shapes' own geometry answers then.
    const shape = p.targetId ? ctx.shapes().find((s) => s.id === p.targetId && !s.locked) : shapeAt(ctx.shapes(), p.world, 4 / ctx.camera().scale);
    if (shape) {
      const sel = ctx.selection();
      const ids = shape.groupId ? ctx.shapes().filter((s) => s.groupId === shape.groupId).map((s) => s.id) : [shape.id];
      if (p.shift) ctx.select(sel.has(shape.id) ? [...sel].filter((id) => !ids.includes(id)) : [...sel, ...ids]);
      else if (!sel.has(shape.id)) ctx.select(ids);
      return;
    }
    this.marqueeFrom = p.world;
    this.base = p.shift ? new Set(ctx.selection()) : new Set();
    if (!p.shift) ctx.select([]);
  }

  move(ctx: ToolContext, p: PointerInfo): void {
    if (!this.marqueeFrom) return;
    const box = normalizeBox(this.marqueeFrom.x, this.marqueeFrom.y, p.world.x, p.world.y);
    ctx.setMarquee(box);
    const hit = ctx.shapes().filter((s) => !s.hidden && !s.locked && intersects(box, shapeBox(s))).map((s) => s.id);
    ctx.select([...new Set([...this.base, ...hit])]);
  }

  up(ctx: ToolContext): void {
    this.marqueeFrom = null;
    ctx.setMarquee(null);
  }

  cancel(ctx: ToolContext): void {
    this.marqueeFrom = null;
    ctx.setMarquee(null);
  }
}
