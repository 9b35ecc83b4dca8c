import { SHAPE_LIMITS } from "@/domain/document/shape";
import { makeShape, type Shape } from "../store/shapeTypes";
import type { PointerInfo, Point, Tool, ToolContext } from "./tool";

/** Line and arrow (press, drag, release; shift snaps to 45°) and free draw (every point). */
export class PathTool implements Tool {
  readonly cursor = "crosshair";
  private from: Point | null = null;
  private draft: Shape | null = null;

  constructor(private readonly type: "line" | "arrow" | "draw") {}

  down(ctx: ToolContext, p: PointerInfo): void {
    ctx.checkpoint();
    this.from = p.world;
    this.draft = makeShape(this.type, p.world, { points: this.type === "draw" ? [0, 0] : [0, 0, 0, 0] });
    ctx.setDraft(this.draft);
  }

  move(ctx: ToolContext, p: PointerInfo): void {
    if (!this.from || !this.draft) return;
    let dx = p.world.x - this.from.x;
    let dy = p.world.y - this.from.y;
    if (this.type === "draw") {
      const pts = this.draft.points!;
      const [lx, ly] = [pts[pts.length - 2]!, pts[pts.length - 1]!];
      // A stroke ends where a shape record's points do (a very long scribble stops growing).
      if (Math.hypot(dx - lx, dy - ly) < 1.5 || pts.length + 2 > SHAPE_LIMITS.points) return;
      this.draft = { ...this.draft, points: [...pts, dx, dy] };
    } else {
      if (p.shift) {
        const angle = Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) * (Math.PI / 4);
        const len = Math.hypot(dx, dy);
        [dx, dy] = [Math.cos(angle) * len, Math.sin(angle) * len];
      }
      this.draft = { ...this.draft, points: [0, 0, dx, dy] };
    }
    ctx.setDraft(this.draft);
  }

  up(ctx: ToolContext): void {
    if (!this.draft) return;
    const pts = this.draft.points!;
    const long = this.type === "draw" ? pts.length >= 4 : Math.hypot(pts[2]!, pts[3]!) > 3;
    if (long) {
      ctx.addShapes([this.draft]);
      ctx.select([this.draft.id]);
      if (this.type !== "draw") ctx.setTool("select");
    }
    ctx.setDraft(null);
    this.from = null;
    this.draft = null;
  }

  cancel(ctx: ToolContext): void {
    ctx.setDraft(null);
    this.from = null;
    this.draft = null;
  }
}
