import type { PointerInfo, ToolContext } from "../tool";

/** One state of the select tool: it handles a move (returning the state to be in next), the release, and a cancel. */
export interface SelectState {
  readonly name: "pointing" | "translating" | "marquee" | "resizing";
  move(ctx: ToolContext, p: PointerInfo): SelectState;
  up(ctx: ToolContext, p: PointerInfo): void;
  cancel(ctx: ToolContext): void;
}
