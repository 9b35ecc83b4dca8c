import { inkOn, makeShape } from "../store/shapeTypes";
import type { PointerInfo, Tool, ToolContext } from "./tool";

/** Click to place a text box and start typing in it, in a colour that reads on the product. */
export class TextTool implements Tool {
  readonly cursor = "text";

  down(): void {}

  move(): void {}

  up(ctx: ToolContext, p: PointerInfo): void {
    ctx.setTool("select");
    ctx.startTextEdit(makeShape("text", { x: p.world.x, y: p.world.y - 24 }, { text: "", fill: inkOn(ctx.backdrop()) }));
  }

  cancel(): void {}
}
