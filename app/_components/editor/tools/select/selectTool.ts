import type { PointerInfo, Tool, ToolContext } from "../tool";
import { Marquee } from "./marquee";
import { Pointing } from "./pointing";
import type { SelectState } from "./selectState";

/**
 * The select tool as a small state tree, after tldraw's `StateNode`s:
 *
 *   idle ─down on a shape──▶ pointing ─moved past the threshold──▶ translating ─up──▶ idle
 *     │                          └─up (a click)──▶ idle
 *     ├─down on empty canvas──▶ marquee ─up──▶ idle
 *     └─a selection handle──▶ resizing (the transformer resizes) ─up──▶ idle
 *
 * Each state decides what its events do and which state comes next; `cancel` drops any gesture
 * without writing the document.
 */
export class SelectTool implements Tool {
  readonly cursor = "default";
  private state: SelectState | null = null;

  /** The state it is in, by name. */
  get stateName(): string {
    return this.state?.name ?? "idle";
  }

  down(ctx: ToolContext, p: PointerInfo): void {
    this.state?.cancel(ctx); // a down without its up (the pointer left the window): start afresh
    ctx.checkpoint();
    this.state = Pointing.onShape(ctx, p) ?? Marquee.begin(ctx, p);
  }

  move(ctx: ToolContext, p: PointerInfo): void {
    if (this.state) this.state = this.state.move(ctx, p);
  }

  up(ctx: ToolContext, p: PointerInfo): void {
    this.state?.up(ctx, p);
    this.state = null;
  }

  cancel(ctx: ToolContext): void {
    this.state?.cancel(ctx);
    this.state = null;
  }

  grabHandle(ctx: ToolContext): void {
    this.state?.cancel(ctx);
    ctx.checkpoint();
    this.state = RESIZING;
  }
}

/** The transformer resizes the selection on its own; this state only keeps the other gestures out until release. */
const RESIZING: SelectState = { name: "resizing", move: () => RESIZING, up: () => {}, cancel: () => {} };
