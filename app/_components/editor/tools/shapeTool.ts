import { makeShape, type Shape } from "../store/shapeTypes";
import type { PointerInfo, Point, Tool, ToolContext } from "./tool";

/** Rectangle and ellipse: press, drag out the size (shift for a square), release to place. */
export class ShapeTool implements Tool {
  readonly cursor = "crosshair";
  private from: Point | null = null;
  private draft: Shape | null = null;

  constructor(private readonly type: "rect" | "ellipse") {}

  down(ctx: ToolContext, p: PointerInfo): void {
    ctx.checkpoint();
    this.from = p.world;
    this.draft = makeShape(this.type, p.world);
    ctx.setDraft(this.draft);
  }

  move(ctx: ToolContext, p: PointerInfo): void {
    if (!this.from || !this.draft) return;
    let w = p.world.x - this.from.x;
    let h = p.world.y - this.from.y;
    if (p.shift) {
      const m = Math.max(Math.abs(w), Math.abs(h));
      w = Math.sign(w || 1) * m;
      h = Math.sign(h || 1) * m;
    }
    const x = Math.min(this.from.x, this.from.x + w);
    const y = Math.min(this.from.y, this.from.y + h);
    const [aw, ah] = [Math.abs(w), Math.abs(h)];
    this.draft = { ...this.draft, width: aw, height: ah, ...(this.type === "ellipse" ? { x: x + aw / 2, y: y + ah / 2 } : { x, y }) };
    ctx.setDraft(this.draft);
  }

  up(ctx: ToolContext): void {
    if (!this.draft) return;
    let shape = this.draft;
    if (shape.width < 4 && shape.height < 4) {
      // A click places a default-sized shape.
      shape = { ...shape, width: 160, height: 120, ...(this.type === "ellipse" ? { x: this.from!.x, y: this.from!.y } : {}) };
    }
    ctx.addShapes([shape]);
    ctx.setDraft(null);
    ctx.select([shape.id]);
    ctx.setTool("select");
    this.from = null;
    this.draft = null;
  }

  cancel(ctx: ToolContext): void {
    ctx.setDraft(null);
    this.from = null;
    this.draft = null;
  }
}
