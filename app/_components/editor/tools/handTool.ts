import type { PointerInfo, Point, Tool, ToolContext } from "./tool";

export class HandTool implements Tool {
  readonly cursor = "grab";
  private last: Point | null = null;

  down(_ctx: ToolContext, p: PointerInfo): void {
    this.last = p.screen;
  }

  move(ctx: ToolContext, p: PointerInfo): void {
    if (!this.last) return;
    const cam = ctx.camera();
    ctx.moveCamera({ ...cam, x: cam.x + p.screen.x - this.last.x, y: cam.y + p.screen.y - this.last.y });
    this.last = p.screen;
  }

  up(): void {
    this.last = null;
  }

  cancel(): void {
    this.last = null;
  }
}
