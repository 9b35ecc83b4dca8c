import { addShapes } from "../store/canvasDocument";
import { makeShape } from "../store/shapeTypes";
import type { PointerInfo, Tool, ToolContext } from "./tool";

/** Click to place a text box and start typing in it. */
export class TextTool implements Tool {
  readonly cursor = "text";

  down(): void {}

  move(): void {}

  up(ctx: ToolContext, p: PointerInfo): void {
    const shape = makeShape("text", { x: p.world.x, y: p.world.y - 24 });
    addShapes(ctx.canvas, [shape]);
    ctx.select([shape.id]);
    ctx.setTool("select");
    ctx.startTextEdit(shape.id);
  }
}
